// ---
// id: procurement.agent-recurring-winner
// revision: 3
// catalog: M33
// title:
//   zh: 招标代理机构代理某单位多数项目，且反复由同一企业或固定的几家企业中标
//   en: A tender agent running most of a unit's lots, which keep going to one firm or a fixed few
// description: >
//   One tender agent (招标代理机构) ran more than agentMinShare of a tendering unit's lots, and the agent's
//   awarded lots for that unit went to a stable circle: the firm that won most of them (at least minWins),
//   with up to circleSize firms in all that each won at least circleMinWins, together at least minShare of
//   them. The agent writes the tender documents, organises the evaluation and holds the bidders' files; an
//   agent that keeps delivering one unit's lots to the same firms is the channel of a steered tender
//   (量身定制招标文件, 泄露标底或评标委员会名单). 招标投标法 第50条 and 招标投标法实施条例 第65条 punish an agent
//   that leaks information or colludes with a bidder. The catalog's aggravating link is named when the data
//   holds it: a legal representative, shareholder or officer of the agent who is kin (kinRelations) of someone
//   holding a post at the unit, or holds one there, each while the circle's lots were awarded (revision 3:
//   a post that ended before the first of them, or began after the last, names nobody). Known false positives: a small market where one firm is
//   the only qualified one (check 资质 and the number of bidders); a framework agreement split into lots; a
//   unit that lets one agent by a framework contract (its share alone says nothing: the circle must hold too).
// severity: medium
// tags: [procurement, 招标代理, M33]
// parameters:
//   agentMinShare:
//     type: float
//     default: 0.5
//     description: the agent ran more than this fraction of the unit's lots (0 reads every agent whatever its share)
//   minWins:
//     type: integer
//     default: 3
//     description: the firm that won most of the agent's lots for the unit won at least this many
//   circleSize:
//     type: integer
//     default: 2
//     description: at most this many firms make the circle (1 reads only the top firm)
//   circleMinWins:
//     type: integer
//     default: 2
//     description: a further firm is of the circle when it won at least this many of the agent's lots for the unit
//   minShare:
//     type: float
//     default: 0.5
//     description: the circle won at least this fraction of the agent's awarded lots for the unit (0–1)
//   kinRelations:
//     type: string[]
//     default: [spouse, child, parent, sibling, child_spouse, spouse_parent, spouse_sibling, grandchild, grandparent, uncle_aunt, cousin, nephew_niece, collateral3_spouse]
//     description: KIN.relation values that link the agent's people to the unit's post holders (the 公务员回避 scope)
// identity: [agent, unit, company]
// subjects:
//   - { column: agent, role: agent }
//   - { column: unit, role: unit }
//   - { column: company, role: company }
//   - { column: member, role: company }
//   - { column: official, role: official }
//   - { column: relative, role: relative }
// evidence: evidence
// amount: amount
// summary:
//   zh: "招标代理{agentName}代理{unitName}{unitLots}个项目中的{ranLots}个，其{lots}个已定标项目中{circleZh}中标{wins}个（{projectCodes}），中标金额合计{amount}元{linkZh}"
//   en: "Tender agent {agentName} ran {ranLots} of the {unitLots} lots of {unitName}; of its {lots} awarded lots {circleEn} won {wins} ({projectCodes}), CNY {amount} in all{linkEn}"
// ---
MATCH (o:Org)-[:TENDERED]->(y:Project)
WITH o, count(DISTINCT y) AS unitLots
MATCH (ag:Company)-[:AGENT_FOR]->(x:Project)<-[:TENDERED]-(o)
WITH o, unitLots, ag, collect(DISTINCT x) AS ran
WHERE toFloat(size(ran)) / unitLots > $agentMinShare
UNWIND ran AS x
MATCH (c:Company)-[w:WON]->(x)
WITH o, unitLots, ag, size(ran) AS ranLots, collect({c: c, x: x, w: w}) AS awards
UNWIND awards AS a
WITH o, unitLots, ag, ranLots, size(awards) AS lots, a.c AS c, collect(a) AS mine
ORDER BY size(mine) DESC, c.uid
WITH o, unitLots, ag, ranLots, lots, collect({c: c, mine: mine}) AS byFirm
WHERE size(byFirm[0].mine) >= $minWins
// The top firm, and the next ones while they won often enough: the circle the agent's lots went to.
WITH o, unitLots, ag, ranLots, lots,
     [byFirm[0]] + [f IN byFirm[1..$circleSize] WHERE size(f.mine) >= $circleMinWins] AS circle
WITH o, unitLots, ag, ranLots, lots, circle, reduce(n = 0, f IN circle | n + size(f.mine)) AS wins
WHERE toFloat(wins) / lots >= $minShare
UNWIND circle AS f
UNWIND f.mine AS m
WITH o, unitLots, ag, ranLots, lots, circle, wins, f.c AS c, m.x AS x, m.w AS w
MATCH pa = (ag)-[:AGENT_FOR]->(x)<-[w]-(c)
MATCH pt = (o)-[:TENDERED]->(x)
WITH o, unitLots, ag, ranLots, lots, circle, wins, x, pa, pt, coalesce(w.amount, 0) AS amt, coalesce(x.date, w.date) AS awarded
ORDER BY x.code
WITH o, unitLots, ag, ranLots, lots, circle, wins, sum(amt) AS amount, collect(x.code) AS codes, collect(pa) + collect(pt) AS evidence,
     min(awarded) AS firstLot, max(awarded) AS lastLot
// The agent's people tied to the unit's post holders: kin of one of them (what the agent's person is to the
// post holder), or one of them; each tie while the circle's lots were awarded (a role at the agent and a post
// at the unit that overlap them; an undated end is open, and lots without a date test nothing).
OPTIONAL MATCH pr = (ag)<-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]-(r:Person)
WHERE (role.from IS NULL OR lastLot IS NULL OR role.from <= lastLot) AND (role.to IS NULL OR firstLot IS NULL OR role.to >= firstLot)
OPTIONAL MATCH pk = (o)<-[h:HOLDS_POST]-(off:Person)-[k:KIN]->(r)
WHERE k.relation IN $kinRelations AND off <> r
  AND (h.from IS NULL OR lastLot IS NULL OR h.from <= lastLot) AND (h.to IS NULL OR firstLot IS NULL OR h.to >= firstLot)
OPTIONAL MATCH ps = (r)-[hr:HOLDS_POST]->(o)
WHERE (hr.from IS NULL OR lastLot IS NULL OR hr.from <= lastLot) AND (hr.to IS NULL OR firstLot IS NULL OR hr.to >= firstLot)
WITH o, unitLots, ag, ranLots, lots, circle, wins, amount, codes, evidence,
     collect(DISTINCT CASE WHEN off IS NOT NULL THEN {r: r, off: off, rel: k.relation} WHEN ps IS NOT NULL THEN {r: r, off: r, rel: null} END) AS links,
     collect(DISTINCT CASE WHEN off IS NOT NULL OR ps IS NOT NULL THEN pr END) + collect(DISTINCT pk) + collect(DISTINCT ps) AS linkPaths
WITH o, unitLots, ag, ranLots, lots, circle, wins, amount, codes, links, evidence + linkPaths AS evidence,
     {spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', child_spouse: '子女的配偶', spouse_parent: '配偶的父母',
      spouse_sibling: '配偶的兄弟姐妹', grandchild: '孙子女', grandparent: '祖父母', uncle_aunt: '叔伯姑舅姨',
      cousin: '堂表兄弟姐妹', nephew_niece: '侄甥', collateral3_spouse: '三代旁系的配偶'} AS kinZh
WITH o, unitLots, ag, ranLots, lots, circle, wins, amount, codes, links, evidence,
     reduce(s = '', f IN circle | s + CASE WHEN s = '' THEN '' ELSE '、' END + f.c.name + toString(size(f.mine)) + '个') AS circleNamesZh,
     reduce(s = '', f IN circle | s + CASE WHEN s = '' THEN '' ELSE ', ' END + f.c.name + ' ' + toString(size(f.mine))) AS circleNamesEn,
     reduce(s = '', l IN links | s + '；' + CASE WHEN l.rel IS NULL THEN '代理机构人员' + l.r.name + '在' + o.name + '任职'
                                              ELSE '代理机构人员' + l.r.name + '系' + o.name + l.off.name + '的' + coalesce(kinZh[l.rel], l.rel) END) AS linkZh,
     reduce(s = '', l IN links | s + '; ' + CASE WHEN l.rel IS NULL THEN 'the agent\'s ' + l.r.name + ' holds a post at ' + o.name
                                              ELSE 'the agent\'s ' + l.r.name + ' is ' + replace(l.rel, '_', ' ') + ' of ' + l.off.name + ' of ' + o.name END) AS linkEn
WITH o, unitLots, ag, ranLots, lots, circle, wins, amount, codes, links, evidence, linkZh, linkEn,
     CASE WHEN size(circle) > 1 THEN '固定的' + toString(size(circle)) + '家企业（' + circleNamesZh + '）共' ELSE circle[0].c.name END AS circleZh,
     CASE WHEN size(circle) > 1 THEN 'a circle of ' + toString(size(circle)) + ' firms (' + circleNamesEn + ')' ELSE circle[0].c.name END AS circleEn
// One row per member and link, all of one alert: the runner merges rows of one identity into one alert.
UNWIND circle AS f
UNWIND CASE WHEN size(links) = 0 THEN [null] ELSE links END AS l
RETURN ag.uid AS agent, o.uid AS unit, circle[0].c.uid AS company, f.c.uid AS member, l.off.uid AS official, l.r.uid AS relative,
       ag.name AS agentName, o.name AS unitName, circle[0].c.name AS companyName, circleZh, circleEn,
       unitLots, ranLots, lots, wins, amount, reduce(t = '', s IN codes | t + CASE WHEN t = '' THEN '' ELSE '、' END + s) AS projectCodes,
       linkZh, linkEn, evidence
ORDER BY wins DESC, agent, unit, company
