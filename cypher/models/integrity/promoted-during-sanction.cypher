// ---
// id: integrity.promoted-during-sanction
// revision: 1
// catalog: M22
// title:
//   zh: 处分影响期内违规提拔
//   en: New post inside a disciplinary impact period
// description: >
//   A person took up a new post (a HOLDS_POST starting on or after the sanction's decision and on or before
//   its 影响期止), having held a post before: a promotion or transfer while the sanction still bars it
//   (党内警告: no promotion for one year; 政务记过: 12 months; 记大过: 18 months). Known false positives:
//   effective date vs decision date, a lateral move the rules allow; check the 任免 file.
// severity: medium
// tags: [integrity, 选人用人, M22]
// parameters:
//   kinds:
//     type: string[]
//     default: [党纪, 政务]
//     description: sanction kinds in scope
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
WHERE s.kind IN $kinds AND s.decidedAt IS NOT NULL AND s.impactUntil IS NOT NULL
MATCH pn = (p)-[n:HOLDS_POST]->(o:Org)
WHERE n.from >= s.decidedAt AND n.from <= s.impactUntil
MATCH pe = (p)-[e:HOLDS_POST]->(:Org)
WHERE e.from < n.from
WITH p, s, o, n, ps, pn, collect(pe)[0] AS earlier
RETURN p.uid AS person, s.uid AS sanction, o.uid AS unit, p.name AS name, s.kind AS kind, s.type AS type,
       toString(s.decidedAt) AS decided, toString(s.impactUntil) AS until, toString(n.from) AS postFrom, o.name AS unitName, n.title AS title,
       [ps, pn, earlier] AS evidence
