// ---
// id: procurement.lowest-bid-disqualified
// revision: 1
// catalog: M45
// title:
//   zh: 最低报价被否决而由较高报价中标
//   en: Lowest bid thrown out, a dearer bid wins
// description: >
//   The lowest-priced bid on a lot was thrown out (否决投标) and the lot went to another firm at a price at
//   least minGapRatio above it. Under 经评审的最低投标价法 the lowest valid bid wins, so knocking out the
//   lowest on a formality is the cheapest way to hand a lot to a dearer favourite; the difference is what the
//   tenderer pays for it (the amount). 招标投标法实施条例 第51条 lists the only grounds for 否决; 第54条 and
//   第60条 give bidders a right to object. Known false positives: a price below cost that the committee
//   rightly rejected (第51条第5项, 低于成本, check the 澄清 record); 综合评估法 lots where price is one score
//   among others, so a dearer winner is normal once the lowest is out; ties at the lowest price (each tied
//   firm thrown out is named).
// severity: medium
// tags: [procurement, 否决投标, 最低价, M45]
// parameters:
//   minGapRatio:
//     type: float
//     default: 0.01
//     description: the award must exceed the lowest price by at least this fraction of it (0.01 = 1%)
// identity: [company, winner, project]
// subjects:
//   - { column: company, role: company }
//   - { column: winner, role: winner }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: extra
// summary:
//   zh: "{unitName}的“{projectName}”（编号{projectCode}）最低报价{companyName}（{lowest}元）被否决（{reason}），{winnerName}以{awarded}元中标，高出{extra}元"
//   en: "On {unitName}'s \"{projectName}\" ({projectCode}) the lowest bid, {companyName}'s CNY {lowest}, was thrown out ({reason}); {winnerName} won at CNY {awarded}, CNY {extra} more"
// ---
MATCH pw = (wc:Company)-[w:WON]->(x:Project)
WHERE w.amount IS NOT NULL
MATCH (x)<-[:FOR]-(b:Bid)
WHERE b.price IS NOT NULL
WITH wc, w, x, pw, min(b.price) AS lowest
WHERE w.amount >= lowest * (1 + $minGapRatio)
MATCH pl = (c:Company)-[:SUBMITTED]->(b:Bid)-[:FOR]->(x)
WHERE b.price = lowest AND b.disqualified = true AND c <> wc
OPTIONAL MATCH pb = (wc)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH wc, w, x, pw, lowest, c, collect(DISTINCT pl) AS lows, collect(DISTINCT b.disqualifyReason) AS reasons,
     collect(DISTINCT pb) AS winnerBids, collect(DISTINCT o)[0] AS o, collect(DISTINCT pt) AS tendered
RETURN c.uid AS company, wc.uid AS winner, x.uid AS project, o.uid AS unit,
       c.name AS companyName, wc.name AS winnerName, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName, lowest, w.amount AS awarded, w.amount - lowest AS extra,
       coalesce(reasons[0], '未注明原因') AS reason,
       [pw] + lows + winnerBids + tendered AS evidence
ORDER BY projectCode, company
