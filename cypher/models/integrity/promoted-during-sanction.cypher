// ---
// id: integrity.promoted-during-sanction
// revision: 2
// catalog: M22
// title:
//   zh: 处分影响期内违规提拔
//   en: New post inside a disciplinary impact period
// description: >
//   A person took up a new post (a HOLDS_POST starting on or after the sanction's decision and on or before
//   its 影响期止), having held a post before: a promotion or transfer while the sanction still bars it
//   (党内警告: no promotion for one year; 政务记过: 12 months; 记大过: 18 months). Known false positives:
//   effective date vs decision date, a lateral move the rules allow; check the 任免 file.
//   A sanction recorded without its 影响期止 (案管 systems often keep the period in months, or nothing) takes
//   the period the rules set for its type (impactMonths): 中国共产党纪律处分条例 (警告 one year, 严重警告
//   eighteen months, 撤销党内职务 two years, 留党察看 at least one) and 公职人员政务处分法 第二十二条 (警告 six
//   months, 记过 twelve, 记大过 eighteen, 降级 and 撤职 twenty-four).
// severity: medium
// tags: [integrity, 选人用人, M22]
// parameters:
//   kinds:
//     type: string[]
//     default: [党纪, 政务]
//     description: sanction kinds in scope
//   impactMonths:
//     type: string[]
//     default: ['党内警告:12', '党纪警告:12', '党内严重警告:18', '党纪严重警告:18', '撤销党内职务:24', '留党察看:12', '警告:6', '记过:12', '记大过:18', '降级:24', '撤职:24']
//     description: "处分种类:months, for a sanction recorded without its 影响期止: the kind and type together first (党纪 + 警告), then the type alone"
// identity: [person, sanction, unit]
// subjects:
//   - { column: person, role: person }
//   - { column: sanction, role: sanction }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{name}于{decided}受{kind}{type}处分（影响期至{until}），{postFrom}起任{unitName}{title}"
//   en: "{name} received a {kind} {type} on {decided} (impact until {until}) and took up the post of {title} at {unitName} on {postFrom}"
// ---
MATCH ps = (p:Person)-[:SANCTIONED]->(s:Sanction)
WHERE s.kind IN $kinds AND s.decidedAt IS NOT NULL
WITH p, s, ps,
     coalesce([x IN $impactMonths WHERE split(x, ':')[0] = s.kind + s.type | toInteger(split(x, ':')[1])][0],
              [x IN $impactMonths WHERE split(x, ':')[0] = s.type | toInteger(split(x, ':')[1])][0]) AS months
WITH p, s, ps,
     coalesce(s.impactUntil, CASE WHEN months IS NULL THEN null ELSE s.decidedAt + duration({months: months}) END) AS until
WHERE until IS NOT NULL
MATCH pn = (p)-[n:HOLDS_POST]->(o:Org)
WHERE n.from >= s.decidedAt AND n.from <= until
MATCH pe = (p)-[e:HOLDS_POST]->(:Org)
WHERE e.from < n.from
WITH p, s, until, o, n, ps, pn, collect(pe)[0] AS earlier
RETURN p.uid AS person, s.uid AS sanction, o.uid AS unit, p.name AS name, s.kind AS kind, s.type AS type,
       toString(s.decidedAt) AS decided, toString(until) AS until, toString(n.from) AS postFrom, o.name AS unitName, n.title AS title,
       [ps, pn, earlier] AS evidence
