// ---
// id: procurement.direct-award-share
// revision: 2
// catalog: M36
// title:
//   zh: 直接发包比例异常（区域性模型）
//   en: Unit awarding far more of its value directly than its peers
// description: >
//   Per unit and year (the catalog's 每单位每年; a year's awards by their date): the value it awarded without a tender (direct awards and village payments, AWARDED, plus its
//   tendered projects whose method is 直接发包) over all the value it awarded (the same plus every WON award
//   of its tendered projects). A unit with at least directMinItems awards is flagged when its share is at
//   least directMinShare and above the mean + directSigmas standard deviations of its peers (other units of
//   the same kind with at least directMinItems awards; at least directMinPeers of them). This is a
//   区域性/领域性 model: the alert flags the unit (Org) for a rectification task (推动整改), not a person.
//   Awards whose method is in exemptMethods (抢险救灾: 招标投标法 第66条 lets them go untendered) are not
//   counted at all. Known false positives: units whose work is mostly small repairs under the
//   限额, a kind with few and unlike peers. Check the unit's 直接发包 approvals against the policy ratio.
// severity: low
// tags: [procurement, 直接发包, 区域性模型, M36]
// parameters:
//   directMinShare:
//     type: float
//     default: 0.5
//     description: the unit's direct share (0–1) must be at least this
//   directSigmas:
//     type: float
//     default: 2
//     description: the share must be above the peers' mean plus this many (population) standard deviations
//   directMinItems:
//     type: integer
//     default: 5
//     description: units (and peers) need at least this many awards in the year
//   directMinPeers:
//     type: integer
//     default: 3
//     description: at least this many peer units of the same kind are needed for a comparison
//   exemptMethods:
//     type: string[]
//     default: [应急抢险, 抢险救灾]
//     description: award methods (AWARDED.method, as the ledger writes them) left out of both the direct and the total value
// identity: [unit, year]
// subjects:
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{unitName}（{kind}）{yearZh}直接发包金额{amount}元，占其发包总额{total}元的{sharePct}%，同类单位{peers}家平均{peerMeanPct}%（标准差{peerSdPct}个百分点）"
//   en: "{unitName} ({kind}) awarded CNY {amount} directly {yearEn}, {sharePct}% of the CNY {total} it awarded; its {peers} peers of the same kind average {peerMeanPct}% (SD {peerSdPct} points)"
// ---
CALL {
  MATCH (o:Org)-[a:AWARDED]->()
  WHERE NOT coalesce(a.method, '') IN $exemptMethods
  RETURN o, a.date.year AS year, count(a) AS n, sum(coalesce(a.amount, 0.0)) AS amt, sum(coalesce(a.amount, 0.0)) AS dir
  UNION ALL
  MATCH (o:Org)-[:TENDERED]->(x:Project)<-[w:WON]-(:Company)
  RETURN o, w.date.year AS year, count(w) AS n, sum(coalesce(w.amount, 0.0)) AS amt,
         sum(CASE WHEN x.method = '直接发包' THEN coalesce(w.amount, 0.0) ELSE 0.0 END) AS dir
}
WITH o, year, sum(n) AS items, sum(amt) AS total, sum(dir) AS direct
WHERE items >= $directMinItems AND total > 0
WITH coalesce(o.kind, '') AS kind, year, collect({o: o, share: direct / total, total: total, direct: direct, items: items}) AS units
UNWIND units AS u
WITH kind, year, u, [v IN units WHERE v.o <> u.o | v.share] AS peers
WHERE size(peers) >= $directMinPeers AND u.share >= $directMinShare
WITH kind, year, u, peers, reduce(s = 0.0, x IN peers | s + x) / size(peers) AS mean
WITH kind, year, u, peers, mean, sqrt(reduce(s = 0.0, x IN peers | s + (x - mean) * (x - mean)) / size(peers)) AS sd
WHERE u.share > mean + $directSigmas * sd
WITH kind, year, u, peers, mean, sd, u.o AS o
CALL (o, year) {
  MATCH pa = (o)-[a:AWARDED]->()
  WHERE NOT coalesce(a.method, '') IN $exemptMethods AND a.date.year = year
  RETURN pa AS p
  UNION
  MATCH pa = (o)-[:TENDERED]->(x:Project)<-[w:WON]-(:Company)
  WHERE x.method = '直接发包' AND w.date.year = year
  RETURN pa AS p
}
WITH kind, year, u, peers, mean, sd, o, collect(p) AS evidence
RETURN o.uid AS unit, year, o.name AS unitName, kind, u.direct AS amount, u.total AS total, u.items AS items,
       CASE WHEN year IS NULL THEN '（未注明日期的发包）' ELSE toString(year) + '年' END AS yearZh,
       CASE WHEN year IS NULL THEN '(awards without a date)' ELSE 'in ' + toString(year) END AS yearEn,
       round(1000.0 * u.share) / 10.0 AS sharePct, size(peers) AS peers,
       round(1000.0 * mean) / 10.0 AS peerMeanPct, round(1000.0 * sd) / 10.0 AS peerSdPct,
       evidence
ORDER BY sharePct DESC
