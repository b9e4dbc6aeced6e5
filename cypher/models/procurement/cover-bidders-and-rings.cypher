// ---
// id: procurement.cover-bidders-and-rings
// revision: 1
// catalog: M30
// title:
//   zh: 陪标专业户与围标圈（固定或轮流中标）
//   en: Cover bidders and bidding rings with a fixed or rotating winner
// description: >
//   Two patterns of 陪标/围标 in one model. (1) Cover bidder (陪标专业户): a company that bid on at least
//   coverMinBids distinct projects and never won an award. (2) Ring pair (伴随投标/轮流坐庄): two companies that
//   bid on the same project at least ringMinTogether times, and every one of those shared projects was won
//   by one of the two; the summary tells a fixed winner (always the same firm) from a rotating one. A ring
//   of three or more firms shows as several pairs. Known false positives: thin markets with few qualified
//   firms (专业资质 lots in a small county), a firm new to the market that has not won yet, consortium
//   partners that always bid together. Compare with the region's firms of the same 资质 class.
// severity: medium
// tags: [procurement, 陪标, 围标, 轮流坐庄, M30]
// parameters:
//   coverMinBids:
//     type: integer
//     default: 20
//     description: a cover bidder bid on at least this many distinct projects, with no win
//   ringMinTogether:
//     type: integer
//     default: 5
//     description: a ring pair bid together on at least this many projects, all won by one of the two
// identity: [pattern, company, company2]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company }
// evidence: evidence
// summary:
//   zh: "{companyName}{detailZh}"
//   en: "{companyName} {detailEn}"
// ---
MATCH (c:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x:Project)
WITH c, count(DISTINCT x) AS lots
WHERE lots >= $coverMinBids AND NOT (c)-[:WON]->()
MATCH pb = (c)-[:SUBMITTED]->(:Bid)-[:FOR]->(:Project)
WITH c, lots, collect(pb) AS evidence
RETURN 'cover' AS pattern, c.uid AS company, null AS company2, c.name AS companyName, null AS company2Name,
       '投标' + toString(lots) + '个项目，从未中标（陪标专业户）' AS detailZh,
       'bid on ' + toString(lots) + ' projects and never won one (cover bidder)' AS detailEn,
       evidence
UNION
MATCH (a:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x:Project)<-[:FOR]-(:Bid)<-[:SUBMITTED]-(b:Company)
WHERE a.uid < b.uid
WITH a, b, collect(DISTINCT x) AS lots
WHERE size(lots) >= $ringMinTogether
  AND all(x IN lots WHERE exists { (a)-[:WON]->(x) } OR exists { (b)-[:WON]->(x) })
UNWIND lots AS x
MATCH pa = (a)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
MATCH pb = (b)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
MATCH pw = (w:Company)-[:WON]->(x)
WHERE w = a OR w = b
WITH a, b, size(lots) AS together, collect(DISTINCT pa) + collect(DISTINCT pb) + collect(DISTINCT pw) AS evidence,
     size(collect(DISTINCT CASE WHEN w = a THEN x END)) AS winsA, size(collect(DISTINCT CASE WHEN w = b THEN x END)) AS winsB
WITH a, b, together, evidence, winsA, winsB,
     CASE WHEN winsB = 0 THEN a.name WHEN winsA = 0 THEN b.name ELSE null END AS fixedWinner
RETURN 'ring' AS pattern, a.uid AS company, b.uid AS company2, a.name AS companyName, b.name AS company2Name,
       '与' + b.name + '共同投标' + toString(together) + '个项目，全部由二者之一中标：' +
         CASE WHEN fixedWinner IS NOT NULL THEN '均由' + fixedWinner + '中标（固定中标，另一家陪标）'
              ELSE '轮流中标（' + a.name + toString(winsA) + '个，' + b.name + toString(winsB) + '个）' END AS detailZh,
       'and ' + b.name + ' bid together on ' + toString(together) + ' projects, every one won by one of them: ' +
         CASE WHEN fixedWinner IS NOT NULL THEN 'always ' + fixedWinner + ' (fixed winner, the other covers)'
              ELSE 'they take turns (' + toString(winsA) + ' and ' + toString(winsB) + ' wins)' END AS detailEn,
       evidence
