// ---
// id: welfare.cadre-kin-discretionary-aid
// revision: 3
// catalog: M06
// title:
//   zh: 村干部优亲厚友：亲属领取非普惠性补助
//   en: Village cadre's relatives drawing discretionary aid
// description: >
//   During a village or community cadre's term, the cadre's relatives (KIN) drew non-universal benefits
//   (低保, 特困, 残疾人补贴, 耕地地力补贴, 公益性岗位…; Program.universal not true: a programme no feed
//   declares universal, 临时救助 in a 一卡通 file without a 是否普惠 column, is decided case by case): at least minRelatives
//   relatives, or at least minPayments payments. Universal programmes (高龄津贴, 居民养老金) are left out.
//   The 徐州贾汪 case linked one cadre to 9 relatives and 33 payments. Known false positives: relatives who
//   are genuinely eligible; check eligibility (income, vehicles, property) and the 民主评议 record.
// severity: medium
// tags: [welfare, kinship, 优亲厚友, M06]
// parameters:
//   villageKinds:
//     type: string[]
//     default: [村委会, 居委会]
//     description: kinds of unit whose post holders are village / community cadres
//   kinRelations:
//     type: string[]
//     default: [spouse, child, parent, sibling, child_spouse, spouse_parent, grandchild, grandparent, spouse_sibling]
//     description: KIN.relation values that count as relatives
//   minRelatives:
//     type: integer
//     default: 2
//     description: alert when at least this many relatives drew non-universal aid in the term
//   minPayments:
//     type: integer
//     default: 12
//     description: or when the relatives drew at least this many payments in the term
// identity: [cadre, unit]
// subjects:
//   - { column: cadre, role: cadre }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{cadreName}（{unitName}{title}）任期内，其{relatives}名亲属（{relativeNames}）领取非普惠性补助{payments}笔，共{amount}元"
//   en: "During the term of {cadreName} ({title}, {unitName}), {relatives} relatives ({relativeNames}) drew {payments} non-universal payments, CNY {amount} in all"
// ---
MATCH ph = (c:Person)-[h:HOLDS_POST]->(v:Org)
WHERE v.kind IN $villageKinds
MATCH pk = (c)-[k:KIN]->(r:Person)
WHERE k.relation IN $kinRelations AND r <> c
MATCH pp = (r)-[x:RECEIVED]->(g:Program)
WHERE coalesce(g.universal, false) = false AND x.periodTo >= h.from AND (h.to IS NULL OR x.periodFrom <= h.to)
  // the tie still held when the benefit began: a marriage dissolved (or ended by a full snapshot) before no longer counts
  AND (k.to IS NULL OR k.to >= x.periodFrom)
WITH c, v, collect(DISTINCT r) AS rs, collect(DISTINCT x) AS xs, collect(DISTINCT h.title) AS titles,
     collect(DISTINCT ph) AS posts, collect(DISTINCT pk) AS kin, collect(DISTINCT pp) AS pays
WHERE size(rs) >= $minRelatives OR size(xs) >= $minPayments
RETURN c.uid AS cadre, v.uid AS unit, c.name AS cadreName, v.name AS unitName, titles[0] AS title,
       size(rs) AS relatives, size(xs) AS payments, reduce(s = '', n IN [r IN rs | r.name] | s + CASE WHEN s = '' THEN '' ELSE '、' END + n) AS relativeNames,
       reduce(t = 0.0, x IN xs | t + coalesce(x.amount, 0.0)) AS amount,
       posts + kin + pays AS evidence
