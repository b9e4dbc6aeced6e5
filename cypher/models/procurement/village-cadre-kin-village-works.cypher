// ---
// id: procurement.village-cadre-kin-village-works
// revision: 2
// catalog: M04
// title:
//   zh: 村干部本人及近亲属承揽本村工程
//   en: Village cadre or close kin paid or awarded works by the cadre's own village
// description: >
//   A village (or community) committee paid or directly awarded works (零星工程, 直接发包: 挖机台班费, 村道修补…)
//   to one of its own cadres, to a close relative of the cadre (KIN), or to a company whose legal
//   representative, shareholder or officer is the cadre or such a relative, while the cadre was in post.
//   《村民委员会组织法》and 农村基层干部廉洁履行职责若干规定 bar cadres and their close kin (民法典 第1045条
//   近亲属) from contracting or interfering in the village's own works; the 江山 case was 18 small payments
//   to a committee member's husband. Known false positives: kinship read from a household register after
//   分户 or a past marriage, a relative who won the job in an open village 议事 with minutes, common work
//   (挖机) that only one villager can supply; verify the 村级工程 file, the 四议两公开 record and who signed.
// severity: high
// tags: [procurement, village, kinship, 村级工程, M04]
// parameters:
//   villageKinds:
//     type: string[]
//     default: [村委会, 居委会]
//     description: kinds of unit whose post holders are village / community cadres
//   kinRelations:
//     type: string[]
//     default: [spouse, child, parent, sibling, child_spouse, spouse_parent, spouse_sibling, grandchild, grandparent]
//     description: KIN.relation values counted as the cadre's close kin (the cadre himself always counts)
//   minAmount:
//     type: float
//     default: 0
//     description: ignore payments below this amount (元); small 零星 payments count by default
// identity: [unit, payee]
// subjects:
//   - { column: unit, role: unit }
//   - { column: payee, role: payee }
//   - { column: cadre, role: cadre }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{unitName}向{payeeName}支付/发包{payments}笔（{jobs}），共{amount}元；{linksZh}"
//   en: "{unitName} paid or awarded {payeeName} {payments} times ({jobs}), CNY {amount} in all; {linksEn}"
// ---
MATCH pw = (v:Org)-[a:AWARDED]->(payee)
WHERE v.kind IN $villageKinds AND coalesce(a.amount, 0) >= $minAmount
MATCH ph = (c:Person)-[h:HOLDS_POST]->(v)
WHERE a.date IS NULL OR ((h.from IS NULL OR h.from <= a.date) AND (h.to IS NULL OR h.to >= a.date))
MATCH pk = (c)-[ks:KIN*0..1]->(r:Person)
WHERE all(k IN ks WHERE k.relation IN $kinRelations AND (k.to IS NULL OR a.date IS NULL OR k.to >= a.date))
OPTIONAL MATCH pr = (r)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(payee:Company)
  // the role held on the payment date: shares sold or a post left before it no longer tie the payee
  WHERE a.date IS NULL OR ((role.from IS NULL OR role.from <= a.date) AND (role.to IS NULL OR role.to >= a.date))
WITH v, a, payee, c, h, r, ks, role, pw, ph, pk, pr
WHERE r = payee OR pr IS NOT NULL
WITH v, a, payee, c, h, r, ks, role, pw, ph, pk, pr,
     {spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', child_spouse: '子女的配偶',
      spouse_parent: '配偶的父母', spouse_sibling: '配偶的兄弟姐妹', grandchild: '孙子女', grandparent: '祖父母'} AS zh,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS roleZh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS roleEn
WITH v, payee, c, h, r, ks, zh, roleZh, roleEn,
     collect(DISTINCT role) AS roles, collect(DISTINCT a) AS pays, collect(DISTINCT pw) + collect(DISTINCT ph) + collect(DISTINCT pk)
       + [p IN collect(DISTINCT pr) WHERE p IS NOT NULL] AS paths
WITH v, payee, c, pays, paths,
     CASE WHEN size(roles) = 0 THEN '收款人系' ELSE '' END + c.name + '（' + coalesce(h.title, '村干部') + '）'
       + CASE WHEN size(ks) = 0 THEN '本人' ELSE '的' + coalesce(zh[ks[0].relation], ks[0].relation) + r.name END
       + CASE WHEN size(roles) = 0 THEN ''
              ELSE '是该企业' + reduce(t = '', x IN roles | t + CASE WHEN t = '' THEN '' ELSE '、' END + roleZh[type(x)]) END AS linkZh,
     CASE WHEN size(roles) = 0 THEN 'the payee is ' ELSE '' END
       + CASE WHEN size(ks) = 0 THEN 'the cadre ' + c.name + ' (' + coalesce(h.title, 'cadre') + ') in person'
              ELSE r.name + ', ' + replace(ks[0].relation, '_', ' ') + ' of the cadre ' + c.name + ' (' + coalesce(h.title, 'cadre') + ')' END
       + CASE WHEN size(roles) = 0 THEN ''
              ELSE ', is ' + reduce(t = '', x IN roles | t + CASE WHEN t = '' THEN '' ELSE ' and ' END + roleEn[type(x)]) + ' of the payee' END AS linkEn
ORDER BY c.uid, linkZh
WITH v, payee, collect(c.uid) AS cadres, collect(DISTINCT linkZh) AS zhs, collect(DISTINCT linkEn) AS ens,
     reduce(acc = [], x IN reduce(f = [], l IN collect(pays) | f + l) | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS pays,
     reduce(acc = [], x IN reduce(f = [], l IN collect(paths) | f + l) | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS evidence
WITH v, payee, cadres, zhs, ens, pays, evidence,
     reduce(acc = [], j IN [x IN pays | coalesce(x.job, x.method, '')] | CASE WHEN j IN acc THEN acc ELSE acc + j END) AS jobs
RETURN v.uid AS unit, payee.uid AS payee, cadres[0] AS cadre,
       v.name AS unitName, payee.name AS payeeName, size(pays) AS payments,
       reduce(t = '', j IN jobs | t + CASE WHEN t = '' THEN '' ELSE '、' END + j) AS jobs,
       reduce(t = 0.0, x IN pays | t + coalesce(x.amount, 0.0)) AS amount,
       reduce(t = '', s IN zhs | t + CASE WHEN t = '' THEN '' ELSE '；' END + s) AS linksZh,
       reduce(t = '', s IN ens | t + CASE WHEN t = '' THEN '' ELSE '; ' END + s) AS linksEn,
       evidence
ORDER BY amount DESC
