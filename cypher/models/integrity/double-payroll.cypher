// ---
// id: integrity.double-payroll
// revision: 3
// catalog: M21
// title:
//   zh: 吃空饷：同时在两个单位领取财政工资，或死亡、开除、退休后仍按在职领工资
//   en: "Ghost pay: on two units' public payroll at once, or still paid after death, dismissal or retirement"
// description: >
//   A person is on the public payroll (财政统发工资) of two different units for the same months, at least
//   minMonths of them (counted once, across every pair of spells). One of the two posts is at best 挂名 and
//   at worst a ghost drawing pay with nobody at the desk (吃空饷: 挂名不到岗, or a transfer the old unit kept
//   paying). 公务员法 第59条 and 事业单位人事管理条例 bar drawing pay without working; the 2013 中组部 等
//   《关于开展机关事业单位“吃空饷”问题集中治理工作的通知》 names double pay among the forms. Known false positives:
//   secondments (借调、挂职) with pay rightly kept at the home unit while the host pays an allowance exported
//   as pay; the month of a transfer, when both units' pay runs count it (one month: minMonths is 2 for that).
//   A spell still running counts up to asOf. The catalog's other forms the data shows, each counted from the
//   earliest of them for the person, at least minMonths: pay still drawn for months after the month of death
//   (死亡后仍发放; the death date from 火化登记 or the register's 注销); after the month of a dismissal
//   (受处分应停发未停: a sanction whose type is one of dismissals, 政务处分法 第7条 开除; 开除党籍 alone ends no
//   post and is not one); and from the first month of a 机关事业单位 pension (已退休仍按在职发放: a programme
//   whose name or code contains one of pensionNames). Known false positives there: a wrong death date; 抚恤
//   or the last month's pay exported as pay; a dismissal overturned on review (复审、复核); 返聘 pay exported
//   as 统发工资.
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
//   dismissals:
//     type: string[]
//     default: [开除, 开除公职]
//     description: sanction types (处分种类) that end the post and its pay from the month after the decision
//   pensionNames:
//     type: string[]
//     default: [机关事业单位基本养老, 机关事业单位养老, 退休费, 退休金]
//     description: a programme whose name or code contains one of these is a retirement pension; pay as serving from its first month on is flagged
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
  RETURN p, o1, o2, months, amount, first, last, evidence, null AS end
  UNION
  // Death, dismissal and retirement each end what a payroll may pay; the earliest of them counts, so one
  // person and unit give one row whichever ended the post first. Each is found from its own side (the dead,
  // the dismissed, the pension programmes' payees) and then kept if on a payroll: going through every
  // payroll person's benefit payments cost a second at 1,000,000 persons.
  WITH asOf
  CALL () {
    MATCH (p:Person)
    WHERE p.deathDate IS NOT NULL AND EXISTS { (p)-[:ON_PAYROLL]->() }
    RETURN p, date.truncate('month', p.deathDate) + duration({months: 1}) AS after, 'death' AS form, p.deathDate AS since,
           null AS what, [] AS proof
    UNION ALL
    MATCH q = (p:Person)-[:SANCTIONED]->(s:Sanction)
    WHERE s.type IN $dismissals AND s.decidedAt IS NOT NULL AND EXISTS { (p)-[:ON_PAYROLL]->() }
    RETURN p, date.truncate('month', s.decidedAt) + duration({months: 1}) AS after, 'dismissed' AS form, s.decidedAt AS since,
           coalesce(s.kind, '') + s.type + coalesce('（' + s.docNo + '）', '') AS what, [q] AS proof
    UNION ALL
    MATCH (g:Program)
    WHERE any(n IN $pensionNames WHERE coalesce(g.name, '') CONTAINS n OR coalesce(g.code, '') CONTAINS n)
    MATCH q = (p:Person)-[r:RECEIVED]->(g)
    WHERE r.periodFrom IS NOT NULL AND EXISTS { (p)-[:ON_PAYROLL]->() }
    RETURN p, date.truncate('month', r.periodFrom) AS after, 'retired' AS form, r.periodFrom AS since,
           coalesce(g.name, g.code) AS what, [q] AS proof
  }
  WITH p, asOf, after, form, since, what, proof ORDER BY after, form
  WITH p, asOf, head(collect({after: after, form: form, since: since, what: what, proof: proof})) AS end
  MATCH p1 = (p)-[s1:ON_PAYROLL]->(o1:Org)
  WITH p, o1, p1, s1, end, coalesce(s1.to, asOf) AS hi
  WHERE hi >= end.after
  WITH p, o1, p1, s1, hi, end, CASE WHEN s1.from > end.after THEN s1.from ELSE end.after END AS lo
  WITH p, o1, p1, lo, hi, end, (hi.year - lo.year) * 12 + hi.month - lo.month + 1 AS n, coalesce(s1.amount, 0) AS monthly
  WHERE n > 0
  WITH p, o1, end, sum(n) AS months, sum(n * monthly) AS amount, min(lo) AS first, max(hi) AS last, collect(DISTINCT p1) AS evidence
  RETURN p, o1, null AS o2, months, amount, first, last, evidence + end.proof AS evidence, end AS end
}
WITH p, o1, o2, months, amount, evidence, end, substring(toString(first), 0, 7) AS firstMonth, substring(toString(last), 0, 7) AS lastMonth
WHERE months >= $minMonths
// The months and their span read the same in every form; what differs is who paid and why it is wrong.
WITH p, o1, o2, months, amount, evidence, end, firstMonth, lastMonth,
     toString(months) + '个月（' + firstMonth + '至' + lastMonth + '）' AS spanZh,
     toString(months) + CASE WHEN o2 IS NULL THEN '' ELSE ' overlapping' END + ' month(s) (' + firstMonth + ' to ' + lastMonth + ')' AS spanEn
RETURN p.uid AS person, o1.uid AS unit, o2.uid AS unit2, p.name AS personName, o1.name AS unitName, o2.name AS unit2Name,
       months, firstMonth, lastMonth, amount, end.form AS form,
       CASE
         WHEN o2 IS NOT NULL THEN '同时在' + o1.name + '和' + o2.name + '领取财政工资，重叠' + spanZh + '，重叠月份两处应发工资'
         WHEN end.form = 'death' THEN '于' + toString(end.since) + '死亡，其后仍由' + o1.name + '发放财政工资' + spanZh + '，应发工资'
         WHEN end.form = 'dismissed' THEN '于' + toString(end.since) + '受' + end.what + '处分，其后仍由' + o1.name + '发放财政工资' + spanZh + '，应发工资'
         ELSE '自' + substring(toString(end.since), 0, 7) + '起领取' + end.what + '，仍由' + o1.name + '按在职发放财政工资' + spanZh + '，应发工资'
       END AS detailZh,
       CASE
         WHEN o2 IS NOT NULL THEN 'was on the payroll of both ' + o1.name + ' and ' + o2.name + ' for ' + spanEn + ', pay from the two'
         WHEN end.form = 'death' THEN 'died on ' + toString(end.since) + ' and was still paid by ' + o1.name + ' for ' + spanEn
         WHEN end.form = 'dismissed' THEN 'was dismissed (' + end.what + ') on ' + toString(end.since) + ' and still paid by ' + o1.name + ' for ' + spanEn
         ELSE 'has drawn ' + end.what + ' since ' + substring(toString(end.since), 0, 7) + ' and was still paid as serving by ' + o1.name + ' for ' + spanEn
       END AS detailEn,
       evidence
ORDER BY months DESC, person
