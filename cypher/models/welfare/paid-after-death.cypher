// ---
// id: welfare.paid-after-death
// revision: 2
// catalog: M11
// title:
//   zh: 死亡人员冒领养老金、补贴
//   en: Benefits paid for periods after the recipient's death
// description: >
//   A benefit was paid for a period that starts more than graceMonths after the recipient's death
//   (Person.deathDate: 火化登记 where it exists, else the register's 注销日期). The pay period is compared,
//   not the pay date, so arrears (补发) and a late payment for months before the death do not alert.
//   建德: 高龄补贴 paid 22 months after death; 陇县: 6 programmes, 3,776 alerts. Known false positives:
//   a wrong death date; legitimate post-death payments (丧葬费, 抚恤金), passed over by their programme's name.
// severity: high
// tags: [welfare, 死亡冒领, M11]
// parameters:
//   graceMonths:
//     type: integer
//     default: 3
//     description: months after death before a period counts (monthly and quarterly cycles lag)
//   postDeathNames:
//     type: string[]
//     default: [丧葬, 抚恤, 遗属]
//     description: programmes paid because of a death (丧葬补助金, 一次性抚恤金, 遗属生活困难补助), passed over when their name holds one of these
// identity: [person, program]
// subjects:
//   - { column: person, role: person }
//   - { column: program, role: program }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{name}于{deathDate}死亡（{source}），其后仍发放{programName}{payments}笔（所属期{firstPeriod}至{lastPeriod}），共{amount}元"
//   en: "{name} died on {deathDate} ({source}); {programName} was still paid {payments} times for {firstPeriod} to {lastPeriod}, CNY {amount} in all"
// ---
MATCH (p:Person)
WHERE p.deathDate IS NOT NULL
MATCH pr = (p)-[x:RECEIVED]->(g:Program)
WHERE x.periodFrom > p.deathDate + duration({months: $graceMonths})
  // A funeral grant or a survivor's pension is paid after a death by design, and is not paid to the dead.
  AND NOT any(w IN $postDeathNames WHERE coalesce(g.name, '') CONTAINS w)
WITH p, g, collect(x) AS xs, collect(pr) AS evidence
RETURN p.uid AS person, g.uid AS program, p.name AS name, toString(p.deathDate) AS deathDate, coalesce(p.deathSource, '户籍注销') AS source,
       g.name AS programName, size(xs) AS payments,
       toString(reduce(m = date('2100-12-31'), x IN xs | CASE WHEN x.periodFrom < m THEN x.periodFrom ELSE m END)) AS firstPeriod,
       toString(reduce(m = date('1900-01-01'), x IN xs | CASE WHEN x.periodTo > m THEN x.periodTo ELSE m END)) AS lastPeriod,
       reduce(t = 0.0, x IN xs | t + coalesce(x.amount, 0.0)) AS amount, evidence
