// ---
// id: welfare.payroll-household-means-tested
// revision: 3
// catalog: M08
// title:
//   zh: 财政供养人员家庭违规享受低保、特困
//   en: Public payroll staff in a household drawing means-tested aid
// description: >
//   Someone on the public payroll (财政工资 spells) is registered in a household (户籍) where a member draws
//   低保 or 特困 for the same months. 低保 is household-based and counts every member's income; 建德's
//   "六类对象领低保" model. Known false positives: household split or merged in between, temporary staff on
//   the payroll list; rebuild the household for the period before acting.
// severity: high
// tags: [welfare, 低保, 财政供养, M08]
// parameters:
//   programs:
//     type: string[]
//     default: [MZ-DBNC, MZ-DBCS, MZ-TK]
//     description: means-tested programme codes (农村/城市低保, 特困)
// identity: [staff, recipient, program]
// subjects:
//   - { column: staff, role: official }
//   - { column: recipient, role: recipient }
//   - { column: program, role: program }
// evidence: evidence
// summary:
//   zh: "{staffName}（{unitName}财政供养）所在户的{recipientName}领取{programName}，两者重叠{months}个月"
//   en: "{recipientName}, in the household of {staffName} (on the payroll of {unitName}), drew {programName} for {months} months of that pay"
// ---
// Anchored on the few means-tested programmes: each recipient's payments are gathered first, so the
// household and the payroll are expanded once per recipient, not once per monthly payment.
// Per recipient, in a CALL subquery: gathering every recipient's payments in one aggregation held them all
// at once (248,000 payment paths of 14,700 recipients at 1,000,000 persons), past the transaction memory
// cap (db.memory.transaction.max, 256 MiB then); inside the subquery the aggregations are per recipient, so
// memory no longer grows with the county. The rows are the same.
MATCH (g:Program) WHERE g.code IN $programs
MATCH (r:Person)-[:RECEIVED]->(g)
WITH DISTINCT r, g
CALL {
  WITH r, g
  MATCH pr = (r)-[x:RECEIVED]->(g)
  WITH r, g, collect({p: pr, from: x.periodFrom, to: x.periodTo}) AS payments
  MATCH pm = (r)-[:MEMBER_OF]->(hh:Household)
  // a separate MATCH, so the recipient may be the staff member himself
  MATCH ph = (s:Person)-[:MEMBER_OF]->(hh)
  WITH r, g, payments, s, collect(ph)[0] AS home, collect(pm)[0] AS member
  // Payroll spells (from, to; no `to` while still paid) overlapping payment periods; the months counted are
  // those both paid for and on the payroll, each once however many spells and payments cover it.
  MATCH pw = (s)-[w:ON_PAYROLL]->(o:Org)
  WITH s, r, g, home, member, pw, w, o, [q IN payments WHERE w.from <= q.to AND (w.to IS NULL OR q.from <= w.to)] AS overlapping
  WHERE size(overlapping) > 0
  UNWIND overlapping AS q
  WITH s, r, g, home, member, pw, o, q.p AS pr,
       CASE WHEN q.from > w.from THEN q.from ELSE w.from END AS lo, CASE WHEN w.to IS NULL OR q.to < w.to THEN q.to ELSE w.to END AS hi
  UNWIND range(0, hi.year * 12 + hi.month - lo.year * 12 - lo.month) AS k
  WITH s, r, g, home, member, collect(DISTINCT date.truncate('month', lo) + duration({months: k})) AS months,
       collect(DISTINCT o.name) AS units, collect(pw)[0] AS pay, collect(DISTINCT pr) AS paid
  RETURN s, home, member, months, units, pay, paid
}
RETURN s.uid AS staff, r.uid AS recipient, g.uid AS program, s.name AS staffName, r.name AS recipientName, g.name AS programName,
       units[0] AS unitName, size(months) AS months, [pay, home, member] + paid AS evidence
