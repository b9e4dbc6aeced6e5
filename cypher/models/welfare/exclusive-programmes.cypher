// ---
// id: welfare.exclusive-programmes
// revision: 2
// catalog: M13
// title:
//   zh: 重复享受待遇（城乡低保、特困重复）
//   en: Mutually exclusive benefits drawn for the same months
// description: >
//   One person drew two programmes that exclude each other (农村低保 and 城市低保; 特困供养 and 低保) for
//   overlapping periods. "既吃农村低保，还领城镇低保". Known false positives: the transfer month when a
//   household moves between programmes (transferMonths: a single shared month, the month of the move, is
//   passed over); one-off arrears. exclusivePairs lists code pairs as "A|B".
// severity: medium
// tags: [welfare, 重复享受, M13]
// parameters:
//   exclusivePairs:
//     type: string[]
//     default: ['MZ-DBNC|MZ-DBCS', 'MZ-TK|MZ-DBNC', 'MZ-TK|MZ-DBCS']
//     description: programme code pairs that may not be drawn for the same month
//   transferMonths:
//     type: integer
//     default: 1
//     description: months both may be drawn for when a household moves from one to the other (转移接续); more shared months alert
// identity: [person, programA, programB]
// subjects:
//   - { column: person, role: person }
//   - { column: programA, role: program }
//   - { column: programB, role: program }
// evidence: evidence
// summary:
//   zh: "{name}同时领取{nameA}和{nameB}，重叠所属期{overlaps}笔"
//   en: "{name} drew both {nameA} and {nameB} for overlapping periods ({overlaps} payments)"
// ---
UNWIND $exclusivePairs AS pair
WITH split(pair, '|') AS codes
MATCH pa = (p:Person)-[a:RECEIVED]->(ga:Program {code: codes[0]})
MATCH pb = (p)-[b:RECEIVED]->(gb:Program {code: codes[1]})
WHERE a.periodFrom <= b.periodTo AND b.periodFrom <= a.periodTo
WITH p, ga, gb, a, pa, pb,
     CASE WHEN a.periodFrom > b.periodFrom THEN a.periodFrom ELSE b.periodFrom END AS lo,
     CASE WHEN a.periodTo < b.periodTo THEN a.periodTo ELSE b.periodTo END AS hi
UNWIND range(0, hi.year * 12 + hi.month - lo.year * 12 - lo.month) AS k
WITH p, ga, gb, collect(DISTINCT date.truncate('month', lo) + duration({months: k})) AS months,
     collect(DISTINCT a) AS overlapping, collect(DISTINCT pa) + collect(DISTINCT pb) AS evidence
WHERE size(months) > $transferMonths
WITH p, CASE WHEN ga.code < gb.code THEN ga ELSE gb END AS x, CASE WHEN ga.code < gb.code THEN gb ELSE ga END AS y, overlapping, evidence
RETURN p.uid AS person, x.uid AS programA, y.uid AS programB, p.name AS name, x.name AS nameA, y.name AS nameB, size(overlapping) AS overlaps, evidence
