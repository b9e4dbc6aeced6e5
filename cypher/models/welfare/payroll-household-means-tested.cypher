// ---
// id: welfare.payroll-household-means-tested
// revision: 2
// catalog: M08
// title:
//   zh: 财政供养人员家庭违规享受低保、特困
//   en: Public payroll staff in a household drawing means-tested aid
// description: >
//   Someone on the public payroll (财政工资 months) is registered in a household (户籍) where a member draws
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
MATCH pw = (s:Person)-[w:ON_PAYROLL]->(o:Org)
MATCH ph = (s)-[:MEMBER_OF]->(hh:Household)
// a separate MATCH, so the recipient may be the staff member himself
MATCH pm = (r:Person)-[:MEMBER_OF]->(hh)
MATCH pr = (r)-[x:RECEIVED]->(g:Program)
WHERE g.code IN $programs AND w.month >= x.periodFrom AND w.month <= x.periodTo
WITH s, r, g, collect(DISTINCT w.month) AS months, collect(DISTINCT o.name) AS units, collect(pw)[0] AS pay, collect(ph)[0] AS home, collect(pm)[0] AS member, collect(DISTINCT pr) AS paid
RETURN s.uid AS staff, r.uid AS recipient, g.uid AS program, s.name AS staffName, r.name AS recipientName, g.name AS programName,
       units[0] AS unitName, size(months) AS months, [pay, home, member] + paid AS evidence
