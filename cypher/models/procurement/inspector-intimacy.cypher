// ---
// id: procurement.inspector-intimacy
// revision: 1
// catalog: M40
// title:
//   zh: 监管人员与企业“亲密度”高且结论偏宽
//   en: Inspector concentrating on, and lenient with, one company
// description: >
//   An inspector with at least inspMinTotal inspections (INSPECTED) made at least inspMinPair of them at one
//   company, more than inspMinShare of all the inspector's work (亲密度), and ended them leniently (a result
//   in lenientResults) far more often than the company's other inspectors did: the odds ratio of a lenient
//   result, inspector versus the others ((len+0.5)/(strict+0.5) over the same for the others), is above
//   inspMinOddsRatio (偏离度), with at least inspMinOthers inspections of the company by others. Metrics as
//   贵阳住建's 工作量/亲密度/偏离度. Known false positives: an inspector assigned to a firm by 网格 or 驻点
//   duty, a firm that really improved after earlier findings, few inspections by others. Check who assigned
//   the inspections and the inspection files.
// severity: medium
// tags: [procurement, 监管, 亲密度, 偏离度, M40]
// parameters:
//   inspMinTotal:
//     type: integer
//     default: 5
//     description: the inspector has at least this many inspections in all
//   inspMinPair:
//     type: integer
//     default: 3
//     description: at least this many of them at the company
//   inspMinShare:
//     type: float
//     default: 0.3
//     description: the company's share of the inspector's inspections must be above this (0–1)
//   inspMinOthers:
//     type: integer
//     default: 2
//     description: other inspectors made at least this many inspections of the company
//   inspMinOddsRatio:
//     type: float
//     default: 3
//     description: the lenient-result odds ratio (inspector vs the others, +0.5 smoothing) must be above this
//   lenientResults:
//     type: string[]
//     default: [合格]
//     description: INSPECTED.result values that count as lenient
// identity: [inspector, company]
// subjects:
//   - { column: inspector, role: inspector }
//   - { column: company, role: company }
// evidence: evidence
// summary:
//   zh: "{inspectorName}共检查{total}次，其中{pair}次检查{companyName}（占{sharePct}%），{lenient}次结论为宽松（{lenientZh}）；其他人员检查该企业{others}次，仅{othersLenient}次宽松，比值比{oddsRatio}"
//   en: "{inspectorName} made {pair} of {total} inspections ({sharePct}%) at {companyName}, {lenient} of them lenient ({lenientZh}); others inspected the firm {others} times, {othersLenient} lenient; odds ratio {oddsRatio}"
// ---
MATCH (i:Person)-[r0:INSPECTED]->(:Company)
WITH i, count(r0) AS total
WHERE total >= $inspMinTotal
MATCH (i)-[r:INSPECTED]->(c:Company)
WITH i, total, c, count(r) AS pair, sum(CASE WHEN r.result IN $lenientResults THEN 1 ELSE 0 END) AS lenient
WHERE pair >= $inspMinPair AND toFloat(pair) / total > $inspMinShare
MATCH (k:Person)-[q:INSPECTED]->(c)
WHERE k <> i
WITH i, total, c, pair, lenient, count(q) AS others, sum(CASE WHEN q.result IN $lenientResults THEN 1 ELSE 0 END) AS othersLenient
WHERE others >= $inspMinOthers
WITH i, total, c, pair, lenient, others, othersLenient,
     ((lenient + 0.5) / (pair - lenient + 0.5)) / ((othersLenient + 0.5) / (others - othersLenient + 0.5)) AS odds
WHERE odds > $inspMinOddsRatio
MATCH pi = (i)-[:INSPECTED]->(c)
WITH i, total, c, pair, lenient, others, othersLenient, odds, collect(pi) AS mine
MATCH po = (k:Person)-[:INSPECTED]->(c)
WHERE k <> i
WITH i, total, c, pair, lenient, others, othersLenient, odds, mine, collect(po) AS theirs
RETURN i.uid AS inspector, c.uid AS company, i.name AS inspectorName, c.name AS companyName,
       total, pair, lenient, others, othersLenient, round(1000.0 * pair / total) / 10.0 AS sharePct,
       round(100.0 * odds) / 100.0 AS oddsRatio,
       reduce(s = '', x IN $lenientResults | s + CASE WHEN s = '' THEN '' ELSE '/' END + x) AS lenientZh,
       mine + theirs AS evidence
ORDER BY odds DESC
