// ---
// id: integrity.approval-delays
// revision: 3
// catalog: M39
// title:
//   zh: 审批/用印超期与经办人时长异常
//   en: Approvals or seal use over the time limit, and officials much slower than their peers
// description: >
//   Two lists from the 审批/用印 register (贵阳 住建 tracks 超期量; 某社区 用印审批 well above the average):
//   an item concluded more than its 承诺时限 (limitDays, in working days) after it was accepted, or still
//   open at asOf past it, the statutory defaultLimitDays standing in where no limit is recorded (行政许可法
//   第42条: 20 working days); and an official whose mean time on one item type exceeds the mean of the
//   other officials' items of that type by more than sigmas standard deviations, with at least minItems
//   items of their own and minPeers other officials on the type (an official slow on purpose, 吃拿卡要, or
//   one whose items wait for something). Working days skip weekends and the dates in holidays (法定节假日,
//   which the site must list) and count the weekend dates in workdays (调休上班日, likewise listed). Time the register records as outside the limit (Approval.pausedDays: 听证、
//   招标、拍卖、检验、检测、检疫、鉴定和专家评审, 行政许可法 第45条, or a 中止) is taken off before the item is
//   compared, in both lists. Known false positives: time the applicant took to supply missing papers (补正) or
//   a suspension counted in when the register does not record it; an official who gets the hard cases of a
//   type.
// severity: medium
// tags: [integrity, 审批, 用印, 超期量, M39]
// parameters:
//   defaultLimitDays:
//     type: integer
//     default: 20
//     description: working days allowed when the item records no 承诺时限
//   sigmas:
//     type: float
//     default: 2
//     description: how many standard deviations above the peers' mean an official's mean must be
//   minItems:
//     type: integer
//     default: 5
//     description: concluded items of the type an official must have handled to be compared
//   minPeers:
//     type: integer
//     default: 3
//     description: other officials who must have handled the type for a comparison
//   holidays:
//     type: date[]
//     default: []
//     description: non-working days besides weekends (YYYY-MM-DD), e.g. the 法定节假日 of the years examined
//   workdays:
//     type: date[]
//     default: []
//     description: weekend days that are working days (YYYY-MM-DD), the 调休上班日 of the years examined
//   asOf:
//     type: date
//     default: today
//     description: the day an open item is measured to
// identity: [kind, approval, official, itemType]
// subjects:
//   - { column: approval, role: approval }
//   - { column: official, role: handler }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{detailZh}"
//   en: "{detailEn}"
// ---
// The calendar once: the listed holidays that fall on a weekday and the listed working days that fall on a
// weekend, each once, so that a day listed twice or a holiday on a Sunday is not taken off twice.
WITH date($asOf) AS asOf,
     reduce(acc = [], d IN $holidays | CASE WHEN date(d).dayOfWeek > 5 OR date(d) IN acc THEN acc ELSE acc + date(d) END) AS offDays,
     reduce(acc = [], d IN $workdays | CASE WHEN date(d).dayOfWeek < 6 OR date(d) IN acc THEN acc ELSE acc + date(d) END) AS onDays
MATCH (ap:Approval)
WHERE ap.submittedAt IS NOT NULL
WITH ap, offDays, onDays, coalesce(ap.concludedAt, asOf) AS ended, coalesce(ap.limitDays, $defaultLimitDays) AS limit
// Working days are calendar days, so never more of them (working weekends included): the cheap test first.
WHERE ended > ap.submittedAt + duration({days: limit})
// Working days from the day after acceptance to the end, inclusive: the weekdays in closed form (a week is
// five; Monday to Friday are days 1–5 of Cypher's dayOfWeek, so the weekdays up to day m of a count starting
// on a Monday are m/7*5 plus the rest of the week up to five), less the listed holidays among them, plus the
// listed working weekends. As the catalogue counts day by day, without a list of the days to walk.
WITH ap, limit, ended, ap.submittedAt.dayOfWeek AS a, ap.submittedAt.dayOfWeek + duration.inDays(ap.submittedAt, ended).days AS b,
     size([d IN offDays WHERE d > ap.submittedAt AND d <= ended]) - size([d IN onDays WHERE d > ap.submittedAt AND d <= ended]) AS shift
WITH ap, limit,
     CASE WHEN b <= a THEN 0
          ELSE b / 7 * 5 + CASE WHEN b % 7 > 5 THEN 5 ELSE b % 7 END - a / 7 * 5 - CASE WHEN a % 7 > 5 THEN 5 ELSE a % 7 END - shift
     END AS taken
WITH ap, limit, taken, coalesce(ap.pausedDays, 0) AS paused
WHERE taken - paused > limit
OPTIONAL MATCH po = (o:Person)-[:HANDLED]->(ap)
OPTIONAL MATCH pu = (u:Org)-[:HANDLES]->(ap)
RETURN 'over_limit' AS kind, ap.uid AS approval, o.uid AS official, u.uid AS unit, ap.itemType AS itemType,
       coalesce(u.name, '') + ap.itemType + '（' + ap.code + '，' + toString(ap.submittedAt) + '受理）' +
         CASE WHEN ap.concludedAt IS NULL THEN '至今未办结，已' ELSE '办结用' END + toString(taken - paused) + '个工作日' +
         CASE WHEN paused > 0 THEN '（另有特别程序' + toString(paused) + '个工作日不计）' ELSE '' END + '，超过时限' + toString(limit) + '个工作日' +
         CASE WHEN o IS NULL THEN '' ELSE '，经办人' + o.name END AS detailZh,
       ap.itemType + ' (' + ap.code + ', accepted ' + toString(ap.submittedAt) + CASE WHEN u IS NULL THEN '' ELSE ' by ' + u.name END + ')' +
         CASE WHEN ap.concludedAt IS NULL THEN ' still open after ' ELSE ' took ' END + toString(taken - paused) + ' working days' +
         CASE WHEN paused > 0 THEN ' (and ' + toString(paused) + ' of special procedure, not counted)' ELSE '' END + ', over the limit of ' + toString(limit) +
         CASE WHEN o IS NULL THEN '' ELSE '; handled by ' + o.name END AS detailEn,
       [x IN [po, pu] WHERE x IS NOT NULL] AS evidence
UNION ALL
WITH reduce(acc = [], d IN $holidays | CASE WHEN date(d).dayOfWeek > 5 OR date(d) IN acc THEN acc ELSE acc + date(d) END) AS offDays,
     reduce(acc = [], d IN $workdays | CASE WHEN date(d).dayOfWeek < 6 OR date(d) IN acc THEN acc ELSE acc + date(d) END) AS onDays
MATCH (o:Person)-[:HANDLED]->(ap:Approval)
WHERE ap.submittedAt IS NOT NULL AND ap.concludedAt IS NOT NULL
WITH o, ap, ap.submittedAt.dayOfWeek AS a, ap.submittedAt.dayOfWeek + duration.inDays(ap.submittedAt, ap.concludedAt).days AS b,
     size([d IN offDays WHERE d > ap.submittedAt AND d <= ap.concludedAt]) - size([d IN onDays WHERE d > ap.submittedAt AND d <= ap.concludedAt]) AS shift
WITH o, ap.itemType AS itemType, coalesce(ap.pausedDays, 0) AS paused,
     CASE WHEN b <= a THEN 0
          ELSE b / 7 * 5 + CASE WHEN b % 7 > 5 THEN 5 ELSE b % 7 END - a / 7 * 5 - CASE WHEN a % 7 > 5 THEN 5 ELSE a % 7 END - shift
     END AS counted
WITH o, itemType, CASE WHEN counted > paused THEN counted - paused ELSE 0 END AS taken
// Each official's count, sum and sum of squares on a type, then the type's: an official's peers are the type
// less the official. Listing every item of a type beside each of its officials (this model's first form) held
// the type's items once per official and ran out of transaction memory at 1,000,000 persons.
WITH itemType, o, count(*) AS n, sum(taken) AS s, sum(taken * taken) AS q
WITH itemType, collect({o: o, n: n, s: s, q: q}) AS officials, sum(n) AS tn, sum(s) AS ts, sum(q) AS tq
UNWIND officials AS me
WITH itemType, me.o AS o, me.n AS n, toFloat(me.s) / me.n AS myMean,
     tn - me.n AS pn, toFloat(ts - me.s) AS ps, toFloat(tq - me.q) AS pq, size(officials) - 1 AS peerOfficials
WHERE n >= $minItems AND peerOfficials >= $minPeers
// The peers' standard deviation over all their items, as Σ(d - mean)² / count = (Σd² - (Σd)² / count) / count.
WITH itemType, o, n, myMean, ps / pn AS peerMean, pq - ps * ps / pn AS squares, pn
WITH itemType, o, n, myMean, peerMean, sqrt(CASE WHEN squares < 0 THEN 0.0 ELSE squares END / pn) AS peerSd
WHERE myMean > peerMean + $sigmas * peerSd
MATCH path = (o)-[:HANDLED]->(ap:Approval)
WHERE (ap.itemType = itemType OR ap.itemType IS NULL AND itemType IS NULL) AND ap.submittedAt IS NOT NULL AND ap.concludedAt IS NOT NULL
WITH itemType, o, myMean, peerMean, peerSd, n, collect(path) AS evidence
RETURN 'slow_official' AS kind, null AS approval, o.uid AS official, null AS unit, itemType,
       o.name + '经办' + itemType + toString(n) + '件，平均' + toString(round(myMean, 1)) + '个工作日，同类事项其他经办人平均' +
         toString(round(peerMean, 1)) + '个工作日（标准差' + toString(round(peerSd, 1)) + '）' AS detailZh,
       o.name + ' handled ' + toString(n) + ' items of ' + itemType + ' in ' + toString(round(myMean, 1)) + ' working days on average; the other officials took ' +
         toString(round(peerMean, 1)) + ' (sd ' + toString(round(peerSd, 1)) + ')' AS detailEn,
       evidence
