// ---
// id: welfare.payroll-farm-subsidy
// revision: 3
// catalog: M09
// title:
//   zh: 公职人员违规领取农业补贴
//   en: Public payroll staff drawing farm subsidies
// description: >
//   Someone on the public payroll, or a member of his household (the catalog's "p or KIN in the same
//   household": the subsidy is paid to the 承包户's head), draws a farm subsidy (耕地地力保护补贴) for a period
//   that overlaps a spell of his pay. 建德 "公职人员领农补"; 汉寿: cadres used family members' names.
//   Known false positives: eligibility rules differ by subsidy and place; an official may legally hold 承包地
//   through the family (household: false keeps to the official's own name). Check the per-programme rules
//   and land records.
// severity: medium
// tags: [welfare, 农业补贴, 财政供养, M09]
// parameters:
//   programs:
//     type: string[]
//     default: [NY-GDDL]
//     description: farm subsidy programme codes
//   household:
//     type: boolean
//     default: true
//     description: also payments to members of the official's household
// identity: [official, program]
// subjects:
//   - { column: official, role: official }
//   - { column: program, role: program }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{name}（{unitName}财政供养）{whoZh}领取{programName}{payments}笔，共{amount}元"
//   en: "{name}, on the payroll of {unitName}, {whoEn} {programName} {payments} times, CNY {amount} in all"
// ---
// Each recipient's payments are gathered first, so the payroll is expanded once per recipient, not once
// per payment.
MATCH (g:Program) WHERE g.code IN $programs
MATCH pr = (r:Person)-[x:RECEIVED]->(g)
WITH r, g, collect({p: pr, x: x}) AS payments
// The recipient himself, or the members of his household on the payroll.
CALL {
  WITH r
  RETURN r AS p, [] AS home
  UNION
  WITH r
  MATCH ph = (r)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(s:Person)
  WHERE $household AND s <> r
  RETURN s AS p, [ph] AS home
}
MATCH pw = (p)-[w:ON_PAYROLL]->(o:Org)
UNWIND [q IN payments WHERE w.from <= q.x.periodTo AND (w.to IS NULL OR q.x.periodFrom <= w.to)] AS q
WITH p, r, g, home, o, q.x AS x, q.p AS pr, collect(pw)[0] AS pay
WITH p, g, collect(DISTINCT r) AS rs, collect(DISTINCT x) AS xs, collect(DISTINCT pr) AS paid, collect(pay) AS pays,
     collect(o.name) AS units, reduce(h = [], l IN collect(home) | h + l) AS homes
WITH p, g, xs, paid, pays, units, homes, [x IN rs WHERE x <> p | x.name] AS others
RETURN p.uid AS official, g.uid AS program, p.name AS name, g.name AS programName, units[0] AS unitName, size(xs) AS payments,
       CASE WHEN size(others) = 0 THEN '' ELSE '同户的' + reduce(s = '', n IN others | s + CASE WHEN s = '' THEN '' ELSE '、' END + n) END AS whoZh,
       CASE WHEN size(others) = 0 THEN 'drew' ELSE 'through the household (' + reduce(s = '', n IN others | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n) + ') drew' END AS whoEn,
       reduce(t = 0.0, x IN xs | t + coalesce(x.amount, 0.0)) AS amount, paid + pays[0..1] + homes[0..1] AS evidence
