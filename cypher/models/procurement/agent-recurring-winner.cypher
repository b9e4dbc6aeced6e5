// ---
// id: procurement.agent-recurring-winner
// revision: 1
// catalog: M33
// title:
//   zh: 招标代理机构代理的同一单位项目反复由同一企业中标
//   en: A tender agent whose lots for one unit keep going to one firm
// description: >
//   One tender agent (招标代理机构) ran lots of one tendering unit, and one firm won at least minWins of the
//   agent's awarded lots for that unit, at least minShare of them. The agent writes the tender documents,
//   organises the evaluation and holds the bidders' files; an agent that keeps delivering one unit's lots to
//   one firm is the channel of a steered tender (量身定制招标文件, 泄露标底或评标委员会名单). 招标投标法 第50条
//   and 招标投标法实施条例 第65条 punish an agent that leaks information or colludes with a bidder. Known false
//   positives: a small market where one firm is the only qualified one (check 资质 and the number of bidders);
//   a framework agreement split into lots. Officers of the agent linked to the unit's officials (kin,
//   shareholding) make it stronger; this model does not read them.
// severity: medium
// tags: [procurement, 招标代理, M33]
// parameters:
//   minWins:
//     type: integer
//     default: 3
//     description: the firm won at least this many of the agent's lots for the unit
//   minShare:
//     type: float
//     default: 0.5
//     description: and at least this fraction of the agent's awarded lots for the unit (0–1)
// identity: [agent, unit, company]
// subjects:
//   - { column: agent, role: agent }
//   - { column: unit, role: unit }
//   - { column: company, role: company }
// evidence: evidence
// amount: amount
// summary:
//   zh: "招标代理{agentName}代理{unitName}的{lots}个已定标项目中，{companyName}中标{wins}个（{projectCodes}），中标金额合计{amount}元"
//   en: "Of the {lots} awarded lots tender agent {agentName} ran for {unitName}, {companyName} won {wins} ({projectCodes}), CNY {amount} in all"
// ---
MATCH (ag:Company)-[:AGENT_FOR]->(x:Project)<-[:TENDERED]-(o:Org)
MATCH (c:Company)-[w:WON]->(x)
WITH ag, o, collect({c: c, x: x, w: w}) AS awards
UNWIND awards AS a
WITH ag, o, size(awards) AS lots, a.c AS c, collect(a) AS mine
WHERE size(mine) >= $minWins AND toFloat(size(mine)) / lots >= $minShare
UNWIND mine AS m
WITH ag, o, lots, c, m.x AS x, m.w AS w
MATCH pa = (ag)-[:AGENT_FOR]->(x)<-[w]-(c)
MATCH pt = (o)-[:TENDERED]->(x)
WITH ag, o, lots, c, x, pa, pt, coalesce(w.amount, 0) AS amt
ORDER BY x.code
WITH ag, o, lots, c, count(DISTINCT x) AS wins, sum(amt) AS amount, collect(x.code) AS codes,
     collect(pa) + collect(pt) AS evidence
RETURN ag.uid AS agent, o.uid AS unit, c.uid AS company, ag.name AS agentName, o.name AS unitName, c.name AS companyName,
       lots, wins, amount, reduce(t = '', s IN codes | t + CASE WHEN t = '' THEN '' ELSE '、' END + s) AS projectCodes,
       evidence
ORDER BY wins DESC, agent, unit, company
