// ---
// id: welfare.payroll-farm-subsidy
// revision: 2
// catalog: M09
// title:
//   zh: 公职人员违规领取农业补贴
//   en: Public payroll staff drawing farm subsidies
// description: >
//   Someone on the public payroll draws a farm subsidy (耕地地力保护补贴) for a period that overlaps a spell
//   of his pay. 建德 "公职人员领农补". Known false positives: eligibility rules differ by subsidy and place;
//   an official may legally hold 承包地 through the family. Check the per-programme rules and land records.
// severity: medium
// tags: [welfare, 农业补贴, 财政供养, M09]
// parameters:
//   programs:
//     type: string[]
//     default: [NY-GDDL]
//     description: farm subsidy programme codes
// identity: [official, program]
// subjects:
//   - { column: official, role: official }
//   - { column: program, role: program }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{name}（{unitName}财政供养）领取{programName}{payments}笔，共{amount}元"
//   en: "{name}, on the payroll of {unitName}, drew {programName} {payments} times, CNY {amount} in all"
// ---
// Each recipient's payments are gathered first, so the payroll is expanded once per recipient, not once
// per payment.
MATCH (g:Program) WHERE g.code IN $programs
MATCH pr = (p:Person)-[x:RECEIVED]->(g)
WITH p, g, collect({p: pr, x: x}) AS payments
MATCH pw = (p)-[w:ON_PAYROLL]->(o:Org)
UNWIND [q IN payments WHERE w.from <= q.x.periodTo AND (w.to IS NULL OR q.x.periodFrom <= w.to)] AS q
WITH p, g, o, q.x AS x, q.p AS pr, collect(pw)[0] AS pay
WITH p, g, collect(DISTINCT x) AS xs, collect(DISTINCT pr) AS paid, collect(pay) AS pays, collect(o.name) AS units
RETURN p.uid AS official, g.uid AS program, p.name AS name, g.name AS programName, units[0] AS unitName, size(xs) AS payments,
       reduce(t = 0.0, x IN xs | t + coalesce(x.amount, 0.0)) AS amount, paid + pays[0..1] AS evidence
