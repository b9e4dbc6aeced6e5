// ---
// id: integrity.double-payroll
// revision: 2
// catalog: M21
// title:
//   zh: 吃空饷：同时在两个单位领取财政工资，或死亡后仍领工资
//   en: "Ghost pay: on two units' public payroll at once, or paid after death"
// description: >
//   A person is on the public payroll (财政统发工资) of two different units for the same months, at least
//   minMonths of them (counted once, across every pair of spells). One of the two posts is at best 挂名 and
//   at worst a ghost drawing pay with nobody at the desk (吃空饷: 挂名不到岗, or a transfer the old unit kept
//   paying). 公务员法 第59条 and 事业单位人事管理条例 bar drawing pay without working; the 2013 中组部 等
//   《关于开展机关事业单位“吃空饷”问题集中治理工作的通知》 names double pay among the forms. Known false positives:
//   secondments (借调、挂职) with pay rightly kept at the home unit while the host pays an allowance exported
//   as pay; the month of a transfer, when both units' pay runs count it (one month: minMonths is 2 for that).
//   A spell still running counts up to asOf. The catalog's other form the data shows: pay still drawn for
//   months after the person's death (死亡后仍发放), at least minMonths after the month of death, the dead
//   person's pay usually collected by family (the death date from 火化登记 or the register's 注销).
//   Known false positives there: a wrong death date; 抚恤 or the last month's pay exported as pay.
// severity: high
// tags: [integrity, 吃空饷, payroll, M21]
// parameters:
//   minMonths:
//     type: integer
//     default: 2
//     description: flag when the two payrolls overlap, or pay runs after the month of death, for at least this many calendar months (1 also flags the month of a transfer)
//   asOf:
//     type: date
//     default: today
//     description: the end of a spell still running (an open 终止年月)
// identity: [person, unit, unit2]
// subjects:
//   - { column: person, role: person }
//   - { column: unit, role: unit }
//   - { column: unit2, role: unit2 }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{personName}{detailZh}约{amount}元"
//   en: "{personName} {detailEn}, about CNY {amount}"
// ---
WITH date($asOf) AS asOf
CALL {
  WITH asOf
  MATCH p1 = (p:Person)-[s1:ON_PAYROLL]->(o1:Org)
  MATCH p2 = (p)-[s2:ON_PAYROLL]->(o2:Org)
  WHERE o1.uid < o2.uid
    AND s1.from <= coalesce(s2.to, asOf) AND s2.from <= coalesce(s1.to, asOf)
  WITH p, o1, o2, p1, p2, s1, s2,
       CASE WHEN s1.from > s2.from THEN s1.from ELSE s2.from END AS lo,
       CASE WHEN coalesce(s1.to, asOf) < coalesce(s2.to, asOf) THEN coalesce(s1.to, asOf) ELSE coalesce(s2.to, asOf) END AS hi
  // Spells of one person and unit never overlap each other, so the overlaps of two units' spells are
  // disjoint and their months add up without counting a month twice.
  WITH p, o1, o2, p1, p2, lo, hi, (hi.year - lo.year) * 12 + hi.month - lo.month + 1 AS n,
       coalesce(s1.amount, 0) + coalesce(s2.amount, 0) AS monthly
  WHERE n > 0
  WITH p, o1, o2, sum(n) AS months, sum(n * monthly) AS amount, min(lo) AS first, max(hi) AS last,
       collect(DISTINCT p1) + collect(DISTINCT p2) AS evidence
  RETURN p, o1, o2, months, amount, first, last, evidence
  UNION
  WITH asOf
  MATCH p1 = (p:Person)-[s1:ON_PAYROLL]->(o1:Org)
  WHERE p.deathDate IS NOT NULL
  WITH p, o1, p1, s1, date.truncate('month', p.deathDate) + duration({months: 1}) AS after, coalesce(s1.to, asOf) AS hi
  WHERE hi >= after
  WITH p, o1, p1, s1, hi, CASE WHEN s1.from > after THEN s1.from ELSE after END AS lo
  WITH p, o1, p1, lo, hi, (hi.year - lo.year) * 12 + hi.month - lo.month + 1 AS n, coalesce(s1.amount, 0) AS monthly
  WHERE n > 0
  WITH p, o1, sum(n) AS months, sum(n * monthly) AS amount, min(lo) AS first, max(hi) AS last, collect(DISTINCT p1) AS evidence
  RETURN p, o1, null AS o2, months, amount, first, last, evidence
}
WITH p, o1, o2, months, amount, evidence, substring(toString(first), 0, 7) AS firstMonth, substring(toString(last), 0, 7) AS lastMonth
WHERE months >= $minMonths
// The months and their span read the same in both forms; what differs is who paid and why it is wrong.
WITH p, o1, o2, months, amount, evidence, firstMonth, lastMonth,
     toString(months) + '个月（' + firstMonth + '至' + lastMonth + '）' AS spanZh,
     toString(months) + CASE WHEN o2 IS NULL THEN '' ELSE ' overlapping' END + ' month(s) (' + firstMonth + ' to ' + lastMonth + ')' AS spanEn
RETURN p.uid AS person, o1.uid AS unit, o2.uid AS unit2, p.name AS personName, o1.name AS unitName, o2.name AS unit2Name,
       months, firstMonth, lastMonth, amount,
       CASE WHEN o2 IS NULL
         THEN '于' + toString(p.deathDate) + '死亡，其后仍由' + o1.name + '发放财政工资' + spanZh + '，应发工资'
         ELSE '同时在' + o1.name + '和' + o2.name + '领取财政工资，重叠' + spanZh + '，重叠月份两处应发工资'
       END AS detailZh,
       CASE WHEN o2 IS NULL
         THEN 'died on ' + toString(p.deathDate) + ' and was still paid by ' + o1.name + ' for ' + spanEn
         ELSE 'was on the payroll of both ' + o1.name + ' and ' + o2.name + ' for ' + spanEn + ', pay from the two'
       END AS detailEn,
       evidence
ORDER BY months DESC, person
