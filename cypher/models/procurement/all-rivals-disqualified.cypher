// ---
// id: procurement.all-rivals-disqualified
// revision: 1
// catalog: M44
// title:
//   zh: 除中标人外其余投标均被否决
//   en: Every bid but the winner's thrown out
// description: >
//   A lot was awarded after the evaluation threw out (否决投标) the bid of every other firm, at least
//   minRivals of them, while the winner's bid stood. 评标委员会和评标方法暂行规定 第27条: when too few valid
//   bids remain to make a competition (有效投标不足三个), the committee may reject them all and the lot is
//   tendered again; awarding the last one standing instead is how a tender is steered to a chosen firm
//   (rivals brought in as cover and knocked out on formalities, 陪标). 招标投标法实施条例 第51条 lists the
//   grounds for 否决. Known false positives: rivals genuinely unqualified (read the 否决原因 on each bid and
//   the 评标报告); a lot whose rivals' bids were marked 否决 by an export that flags every losing bid.
// severity: high
// tags: [procurement, 否决投标, 陪标, M44]
// parameters:
//   minRivals:
//     type: integer
//     default: 2
//     description: at least this many other firms must have bid (and all been thrown out); 1 also flags a two-bid lot
// identity: [company, project]
// subjects:
//   - { column: company, role: company }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{unitName}的“{projectName}”（编号{projectCode}）其余{rivals}家投标人的投标均被否决（{reasons}），{companyName}作为唯一有效投标于{awardDate}中标，金额{amount}元"
//   en: "On {unitName}'s \"{projectName}\" ({projectCode}) the bids of all {rivals} other firms were thrown out ({reasons}); {companyName}, the only valid bid left, won on {awardDate} for CNY {amount}"
// ---
MATCH pw = (c:Company)-[w:WON]->(x:Project)
MATCH pb = (bidder:Company)-[:SUBMITTED]->(b:Bid)-[:FOR]->(x)
// Bids in the order of their reasons, so the alert's list of reasons reads the same on every run.
WITH c, w, x, pw, pb, bidder, b ORDER BY coalesce(b.disqualifyReason, '未注明'), b.uid
WITH c, w, x, pw, collect({p: pb, c: bidder, b: b}) AS bids
WITH c, w, x, pw, bids, [e IN bids WHERE e.c <> c] AS others
WHERE any(e IN bids WHERE e.c = c AND coalesce(e.b.disqualified, false) = false)
  AND all(e IN others WHERE e.b.disqualified = true)
WITH c, w, x, pw, bids, others, reduce(s = [], e IN others | CASE WHEN e.c IN s THEN s ELSE s + e.c END) AS rivalFirms
WHERE size(rivalFirms) >= $minRivals
WITH c, w, x, pw, bids, size(rivalFirms) AS rivals,
     reduce(s = [], e IN others | CASE WHEN coalesce(e.b.disqualifyReason, '未注明') IN s THEN s ELSE s + coalesce(e.b.disqualifyReason, '未注明') END) AS reasonList
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c, w, x, pw, bids, rivals, reasonList, collect(o)[0] AS o, collect(pt) AS tendered
RETURN c.uid AS company, x.uid AS project, o.uid AS unit,
       c.name AS companyName, x.name AS projectName, x.code AS projectCode, coalesce(o.name, '') AS unitName,
       rivals, reduce(t = '', r IN reasonList | t + CASE WHEN t = '' THEN '' ELSE '；' END + r) AS reasons,
       toString(w.date) AS awardDate, w.amount AS amount,
       [pw] + [e IN bids | e.p] + tendered AS evidence
ORDER BY projectCode
