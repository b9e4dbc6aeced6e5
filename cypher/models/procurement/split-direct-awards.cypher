// ---
// id: procurement.split-direct-awards
// revision: 2
// catalog: M35
// title:
//   zh: 拆分工程规避招标（同一收款人多笔小额直接发包）
//   en: Direct awards to one payee split below the threshold
// description: >
//   A unit paid or directly awarded (直接发包/零星工程/村级支付) the same payee, company or person, at least
//   two amounts that are each below splitThreshold but together reach it, all within splitWindowDays of the
//   first (拆分工程规避招标; 江山 lists 村干部违规拆分工程). Villages often have a 限额 of their own (余姚: ≤¥10万
//   self-managed under 备案): a unit of a villageKinds kind is measured against villageThreshold. The alert
//   shows the window with the largest sum.
//   Known false positives: truly separate maintenance jobs for a regular supplier (保洁, 绿化养护), payments
//   in instalments of one properly tendered contract. Compare the job names and sites of the awards.
// severity: medium
// tags: [procurement, 直接发包, 拆分工程, M35]
// parameters:
//   splitThreshold:
//     type: float
//     default: 100000
//     description: the local 限额 (元); each award is below it and the window's sum reaches it
//   villageThreshold:
//     type: float
//     default: 100000
//     description: the 限额 (元) of a village or community unit (its kind in villageKinds), in place of splitThreshold
//   villageKinds:
//     type: string[]
//     default: [村委会, 居委会]
//     description: Org.kind values that are villages and communities
//   splitWindowDays:
//     type: integer
//     default: 180
//     description: all awards of a window fall within this many days of its first award
// identity: [unit, payee]
// subjects:
//   - { column: unit, role: unit }
//   - { column: payee, role: payee }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{unitName}自{firstDate}至{lastDate}向{payeeName}直接发包/支付{awards}笔，每笔均低于{threshold}元，合计{amount}元（{jobs}）"
//   en: "{unitName} paid {payeeName} {awards} direct awards between {firstDate} and {lastDate}, each under CNY {threshold}, CNY {amount} in all ({jobs})"
// ---
MATCH (o:Org)-[a:AWARDED]->(p)
WITH o, p, a, CASE WHEN o.kind IN $villageKinds THEN $villageThreshold ELSE $splitThreshold END AS limit
WHERE a.amount < limit AND a.date IS NOT NULL
MATCH pb = (o)-[b:AWARDED]->(p)
WHERE b.amount < limit AND b.date >= a.date AND b.date <= a.date + duration({days: $splitWindowDays})
WITH o, p, a, limit, collect(pb) AS paths, collect(b) AS window, sum(b.amount) AS total
WHERE size(window) >= 2 AND total >= limit
WITH o, p, a, limit, paths, window, total
ORDER BY total DESC, a.date
WITH o, p, limit, collect({a: a, paths: paths, window: window, total: total})[0] AS best
WITH o, p, limit, best, [b IN best.window | b.date] AS dates
RETURN o.uid AS unit, p.uid AS payee, o.name AS unitName, p.name AS payeeName,
       size(best.window) AS awards, best.total AS amount, limit AS threshold,
       toString(best.a.date) AS firstDate, toString(reduce(m = best.a.date, d IN dates | CASE WHEN d > m THEN d ELSE m END)) AS lastDate,
       reduce(s = '', b IN best.window | s + CASE WHEN s = '' THEN '' ELSE '；' END + coalesce(b.job, '') + ' ' + toString(b.date) + ' ' + toString(b.amount)) AS jobs,
       best.paths AS evidence
ORDER BY amount DESC
