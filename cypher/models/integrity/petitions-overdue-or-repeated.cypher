// ---
// id: integrity.petitions-overdue-or-repeated
// revision: 3
// catalog: M41
// title:
//   zh: 信访/检举控告超期件、重复件、集中反映、不满意件
//   en: Petitions overdue, repeated, unsatisfied, or many reporters about one person
// description: >
//   Three lists from the 信访/检举控告 register, as 建德 draws them automatically (超期件, 重复件): an item
//   accepted or forwarded (受理/转办) more than acceptDays working days after receipt, or not yet at asOf
//   (《纪检监察机关处理检举控告工作规则》: within 5 working days), or concluded more than handleDays after
//   receipt, or still open at asOf past that (信访工作条例: 60 days); one reporter filing minRepeats items
//   about the same person within repeatWindowDays (重复件: an earlier answer did not settle it); and
//   minReporters different reporters about one person within hotspotWindowDays (集中反映); and, where the
//   site lists the 满意度 values that make one (unsatisfied), each concluded item its reporter rated so
//   (不满意件, the third list of 信访工作条例's 满意度评价). Working days
//   skip weekends and the dates in holidays (法定节假日, which the site must list) and count the weekend dates in
//   workdays (调休上班日, likewise listed). Known false positives: an item suspended (中止) or extended with approval (延期, up to 30
//   more days) is counted late unless the register's dates reflect it; a reporter who files the same letter
//   to several bodies appears as a repeat once they are forwarded to one; a campaign of form letters is a
//   hotspot whether or not it has merit.
// severity: medium
// tags: [integrity, 信访, 检举控告, 超期件, 重复件, M41]
// parameters:
//   acceptDays:
//     type: integer
//     default: 5
//     description: working days from receipt to 受理 or 转办
//   handleDays:
//     type: integer
//     default: 60
//     description: days from receipt to 办结
//   repeatWindowDays:
//     type: integer
//     default: 180
//     description: window within which items of one reporter about one person count as repeats
//   minRepeats:
//     type: integer
//     default: 2
//     description: items of one reporter about one person within the window that make a repeat
//   hotspotWindowDays:
//     type: integer
//     default: 90
//     description: window within which reporters about one person are counted
//   minReporters:
//     type: integer
//     default: 5
//     description: different reporters about one person within the window that make a hotspot
//   unsatisfied:
//     type: string[]
//     default: []
//     description: 满意度 values (as the register writes them) that make a concluded item a 不满意件, e.g.
//       [不满意]; none listed, none raised
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
// identity: [kind, petition, reporter, subject]
// subjects:
//   - { column: petition, role: petition }
//   - { column: reporter, role: reporter }
//   - { column: subject, role: reported }
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
MATCH (a:Petition)
WHERE a.receivedAt IS NOT NULL
WITH a, offDays, onDays, coalesce(a.acceptedAt, asOf) AS accepted, coalesce(a.concludedAt, asOf) AS concluded
// Working days are calendar days, so never more of them (working weekends included): the cheap test first.
WHERE accepted > a.receivedAt + duration({days: $acceptDays}) OR concluded > a.receivedAt + duration({days: $handleDays})
// Working days from the day after receipt to acceptance, inclusive: the weekdays in closed form (Monday to
// Friday are days 1–5 of Cypher's dayOfWeek, so the weekdays up to day m of a count starting on a Monday are
// m/7*5 plus the rest of the week up to five), less the listed holidays among them, plus the listed working
// weekends (as integrity.approval-delays counts them).
WITH a, accepted, concluded, a.receivedAt.dayOfWeek AS d0, a.receivedAt.dayOfWeek + duration.inDays(a.receivedAt, accepted).days AS d1,
     size([d IN offDays WHERE d > a.receivedAt AND d <= accepted]) - size([d IN onDays WHERE d > a.receivedAt AND d <= accepted]) AS shift
WITH a, accepted, concluded,
     CASE WHEN d1 <= d0 THEN 0
          ELSE d1 / 7 * 5 + CASE WHEN d1 % 7 > 5 THEN 5 ELSE d1 % 7 END - d0 / 7 * 5 - CASE WHEN d0 % 7 > 5 THEN 5 ELSE d0 % 7 END - shift
     END AS acceptWorkdays,
     duration.inDays(a.receivedAt, concluded).days AS handleDaysTaken
WITH a, acceptWorkdays, handleDaysTaken,
     acceptWorkdays > $acceptDays AS lateAccept, handleDaysTaken > $handleDays AS lateConclude
WHERE lateAccept OR lateConclude
OPTIONAL MATCH pr = (r:Person)-[:FILED]->(a)
OPTIONAL MATCH ps = (a)-[:ABOUT]->(s:Person)
WITH a, r, s, lateAccept, lateConclude, acceptWorkdays, handleDaysTaken, [x IN [pr, ps] WHERE x IS NOT NULL] AS paths
RETURN 'overdue' AS kind, a.uid AS petition, r.uid AS reporter, s.uid AS subject,
       '信访件' + a.code + '（' + toString(a.receivedAt) + '收到）' +
         CASE WHEN lateAccept THEN (CASE WHEN a.acceptedAt IS NULL THEN '至今未受理/转办，' ELSE '受理/转办' END) + '已过' + toString(acceptWorkdays) + '个工作日（时限' + toString($acceptDays) + '）' ELSE '' END +
         CASE WHEN lateAccept AND lateConclude THEN '；' ELSE '' END +
         CASE WHEN lateConclude THEN (CASE WHEN a.concludedAt IS NULL THEN '至今未办结，' ELSE '办结' END) + '历时' + toString(handleDaysTaken) + '天（时限' + toString($handleDays) + '天）' ELSE '' END +
         CASE WHEN s IS NULL THEN '' ELSE '，被反映人' + s.name END AS detailZh,
       'Petition ' + a.code + ' (received ' + toString(a.receivedAt) + ')' +
         CASE WHEN lateAccept THEN (CASE WHEN a.acceptedAt IS NULL THEN ' not yet accepted or forwarded, ' ELSE ' accepted or forwarded after ' END) + toString(acceptWorkdays) + ' working days (limit ' + toString($acceptDays) + ')' ELSE '' END +
         CASE WHEN lateAccept AND lateConclude THEN ';' ELSE '' END +
         CASE WHEN lateConclude THEN (CASE WHEN a.concludedAt IS NULL THEN ' still open after ' ELSE ' concluded after ' END) + toString(handleDaysTaken) + ' days (limit ' + toString($handleDays) + ')' ELSE '' END +
         CASE WHEN s IS NULL THEN '' ELSE ', about ' + s.name END AS detailEn,
       paths AS evidence
UNION ALL
MATCH (r:Person)-[:FILED]->(a:Petition)-[:ABOUT]->(s:Person)
WHERE r <> s AND a.receivedAt IS NOT NULL
WITH r, s, collect(a) AS items
WHERE size(items) >= $minRepeats
UNWIND items AS first
WITH r, s, [b IN items WHERE b.receivedAt >= first.receivedAt AND b.receivedAt <= first.receivedAt + duration({days: $repeatWindowDays})] AS run
WHERE size(run) >= $minRepeats
// The longest run of the pair is the alert.
WITH r, s, run ORDER BY size(run) DESC
WITH r, s, head(collect(run)) AS run
MATCH path = (r)-[:FILED]->(b:Petition)-[:ABOUT]->(s)
WHERE b IN run
WITH r, s, run, collect(path) AS evidence
WITH r, s, evidence, size(run) AS n,
     toString(reduce(m = date('2100-12-31'), b IN run | CASE WHEN b.receivedAt < m THEN b.receivedAt ELSE m END)) AS first,
     toString(reduce(m = date('1900-01-01'), b IN run | CASE WHEN b.receivedAt > m THEN b.receivedAt ELSE m END)) AS last
RETURN 'repeat' AS kind, null AS petition, r.uid AS reporter, s.uid AS subject,
       r.name + '在' + first + '至' + last + '间就' + s.name + '反映' + toString(n) + '次（重复件）' AS detailZh,
       r.name + ' filed ' + toString(n) + ' items about ' + s.name + ' between ' + first + ' and ' + last + ' (repeat)' AS detailEn,
       evidence
UNION ALL
MATCH (r:Person)-[:FILED]->(a:Petition)-[:ABOUT]->(s:Person)
WHERE r <> s AND a.receivedAt IS NOT NULL
WITH s, collect({r: r, a: a}) AS items
WHERE size(items) >= $minReporters
UNWIND items AS first
WITH s, [x IN items WHERE x.a.receivedAt >= first.a.receivedAt AND x.a.receivedAt <= first.a.receivedAt + duration({days: $hotspotWindowDays})] AS run
WITH s, run, size(reduce(seen = [], x IN run | CASE WHEN x.r IN seen THEN seen ELSE seen + x.r END)) AS reporters
WHERE reporters >= $minReporters
WITH s, run, reporters ORDER BY reporters DESC
WITH s, head(collect(run)) AS run, max(reporters) AS reporters
MATCH path = (r:Person)-[:FILED]->(b:Petition)-[:ABOUT]->(s)
WHERE b IN [x IN run | x.a]
WITH s, reporters, run, collect(path) AS evidence
WITH s, reporters, evidence,
     toString(reduce(m = date('2100-12-31'), x IN run | CASE WHEN x.a.receivedAt < m THEN x.a.receivedAt ELSE m END)) AS first,
     toString(reduce(m = date('1900-01-01'), x IN run | CASE WHEN x.a.receivedAt > m THEN x.a.receivedAt ELSE m END)) AS last
RETURN 'hotspot' AS kind, null AS petition, null AS reporter, s.uid AS subject,
       toString(reporters) + '名不同反映人在' + first + '至' + last + '间反映' + s.name + '（集中反映）' AS detailZh,
       toString(reporters) + ' different reporters filed about ' + s.name + ' between ' + first + ' and ' + last + ' (hotspot)' AS detailEn,
       evidence
UNION ALL
MATCH (a:Petition)
WHERE a.satisfaction IN $unsatisfied AND a.concludedAt IS NOT NULL
OPTIONAL MATCH pr = (r:Person)-[:FILED]->(a)
OPTIONAL MATCH ps = (a)-[:ABOUT]->(s:Person)
RETURN 'unsatisfied' AS kind, a.uid AS petition, r.uid AS reporter, s.uid AS subject,
       '信访件' + a.code + '（' + toString(a.receivedAt) + '收到，' + toString(a.concludedAt) + '办结）满意度评价为“' + a.satisfaction + '”（不满意件）' +
         CASE WHEN s IS NULL THEN '' ELSE '，被反映人' + s.name END AS detailZh,
       'Petition ' + a.code + ' (received ' + toString(a.receivedAt) + ', concluded ' + toString(a.concludedAt) + ') was rated "' + a.satisfaction + '" (unsatisfied)' +
         CASE WHEN s IS NULL THEN '' ELSE ', about ' + s.name END AS detailEn,
       [x IN [pr, ps] WHERE x IS NOT NULL] AS evidence
