// ---
// id: welfare.public-job-child-employed-elsewhere
// revision: 1
// catalog: M07
// title:
//   zh: 亲属挂名冒领公益性岗位补贴
//   en: Public-welfare job paid to a cadre's child who works elsewhere
// description: >
//   A village cadre's child is paid a 公益性岗位 subsidy during the cadre's term while insured by an employer
//   (社保参保) in the same months, for at least minOverlapMonths months: the job is held in name only. The
//   陇县 case: a 村会计 registered his migrant-worker son as 劳动保障信息员 and drew the pay himself.
//   Known false positives: part-time local work; check attendance and interview the holder.
// severity: high
// tags: [welfare, kinship, 公益性岗位, M07]
// parameters:
//   villageKinds:
//     type: string[]
//     default: [村委会, 居委会]
//     description: kinds of unit whose post holders are village / community cadres
//   jobPrograms:
//     type: string[]
//     default: [RS-GYGW]
//     description: programme codes of public-welfare job subsidies
//   minOverlapMonths:
//     type: integer
//     default: 2
//     description: months paid for the job while insured elsewhere
// identity: [cadre, child, program]
// subjects:
//   - { column: cadre, role: cadre }
//   - { column: child, role: relative }
//   - { column: program, role: program }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{cadreName}（{unitName}{title}）之子女{childName}领取{programName}{months}个月，同期在{employer}参保"
//   en: "{childName}, child of {cadreName} ({title}, {unitName}), was paid {programName} for {months} months while insured by {employer}"
// ---
MATCH ph = (c:Person)-[h:HOLDS_POST]->(v:Org)
WHERE v.kind IN $villageKinds
MATCH pk = (c)-[:KIN {relation: 'child'}]->(s:Person)
MATCH pj = (s)-[x:RECEIVED]->(g:Program)
WHERE g.code IN $jobPrograms AND x.periodTo >= h.from AND (h.to IS NULL OR x.periodFrom <= h.to)
MATCH pi = (s)-[i:INSURED_BY]->(e)
WHERE i.from <= x.periodTo AND (i.to IS NULL OR i.to >= x.periodFrom)
WITH c, v, s, g, collect(DISTINCT x) AS xs, collect(DISTINCT e.name) AS employers, collect(DISTINCT h.title) AS titles,
     collect(DISTINCT ph) + collect(DISTINCT pk) + collect(DISTINCT pj) + collect(DISTINCT pi) AS evidence
WHERE size(xs) >= $minOverlapMonths
RETURN c.uid AS cadre, s.uid AS child, g.uid AS program, c.name AS cadreName, v.name AS unitName, titles[0] AS title,
       s.name AS childName, g.name AS programName, size(xs) AS months, employers[0] AS employer,
       reduce(t = 0.0, x IN xs | t + coalesce(x.amount, 0.0)) AS amount, evidence
