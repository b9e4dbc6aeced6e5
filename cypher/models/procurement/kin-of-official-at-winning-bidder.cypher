// ---
// id: procurement.kin-of-official-at-winning-bidder
// revision: 4
// catalog: M03
// title:
//   zh: 公职人员亲属企业承接本单位项目
//   en: Kin of an official at a company that won the official's unit's tender
// description: >
//   An official holds a post at a unit; a relative of the official (within the kinship scope) is the legal
//   representative, a shareholder or an officer of a company; that company won a project tendered by the
//   same unit, or was paid by that unit without a tender (直接发包, a 小额采购 or 合同台账 entry: the catalog's
//   AWARDED; a village's own awards are M04's), and the official was in post on the award date. 招标投标法实施条例 第34条 bars parties with an
//   interest in the tendering unit that may affect fairness; 公务员法 第74条 sets the avoidance scope.
//   Known false positives: small shareholdings, household-derived kinship that is not real kinship, large
//   open tenders with many bidders. Verify the official's part in the award (审批/评审/验收).
// severity: high
// tags: [procurement, kinship, 利益冲突, M03]
// parameters:
//   kinRelations:
//     type: string[]
//     default: [spouse, child, parent, sibling, child_spouse, spouse_parent, spouse_sibling, grandchild, grandparent, uncle_aunt, cousin, nephew_niece, collateral3_spouse]
//     description: KIN.relation values in scope (default = the 公务员回避 scope as far as households and marriage records give it; 子女配偶的父母 is in it but no register states it)
//   leadersOnly:
//     type: boolean
//     default: false
//     description: only officials who are leading members (是否领导成员) of the unit
//   minAmount:
//     type: float
//     default: 0
//     description: ignore awards below this amount (元)
//   directAwards:
//     type: boolean
//     default: true
//     description: also a unit's awards without a tender (AWARDED), one alert per official, relative and company
//   villageKinds:
//     type: string[]
//     default: [村委会, 居委会]
//     description: kinds of unit whose direct awards are left to M04 (a village cadre's kin at village works)
// identity: [official, relative, company, project]
// subjects:
//   - { column: official, role: official }
//   - { column: relative, role: relative }
//   - { column: company, role: company }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{officialName}（{unitName}{title}）的{relationZh}{relativeName}是{companyName}的{roleZh}，该企业于{awardDate}{awardZh}项目“{projectName}”，金额{amount}元"
//   en: "The {relationEn} of {officialName} ({title}, {unitName}), {relativeName}, is {roleEn} of {companyName}, which {howEn} the unit's project \"{projectName}\" on {awardDate} for CNY {amount}"
// ---
// Two ways in, each in the order that keeps it small: a tender from its winner through the tendering unit's
// post holders; an award without a tender (far more of them, most to firms with no tie) from the firm's own
// people through their kin to the paying unit's posts.
CALL {
  MATCH pw = (c:Company)-[w:WON]->(x:Project)<-[t:TENDERED]-(o:Org)
  WHERE w.date IS NOT NULL AND coalesce(w.amount, 0) >= $minAmount
  MATCH ph = (p:Person)-[h:HOLDS_POST]->(o)
  WHERE (h.from IS NULL OR h.from <= w.date) AND (h.to IS NULL OR h.to >= w.date)
    AND ($leadersOnly = false OR h.isLeader = true)
  MATCH pk = (p)-[k:KIN]->(r:Person)
  WHERE k.relation IN $kinRelations AND r <> p
    AND (k.to IS NULL OR k.to >= w.date)   // a marriage dissolved before the award no longer counts
  MATCH pr = (r)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c)
  WHERE (role.from IS NULL OR role.from <= w.date) AND (role.to IS NULL OR role.to >= w.date)
  RETURN p, h, o, k, r, role, c, w, x, pw, ph, pk, pr, x.name AS projectName, 'won' AS howEn
  UNION
  MATCH pw = (o:Org)-[w:AWARDED]->(c:Company)
  WHERE $directAwards AND w.date IS NOT NULL AND coalesce(w.amount, 0) >= $minAmount AND NOT coalesce(o.kind, '') IN $villageKinds
  MATCH pr = (r:Person)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c)
  WHERE (role.from IS NULL OR role.from <= w.date) AND (role.to IS NULL OR role.to >= w.date)
  MATCH pk = (p:Person)-[k:KIN]->(r)
  WHERE k.relation IN $kinRelations AND r <> p
    AND (k.to IS NULL OR k.to >= w.date)
  MATCH ph = (p)-[h:HOLDS_POST]->(o)
  WHERE (h.from IS NULL OR h.from <= w.date) AND (h.to IS NULL OR h.to >= w.date)
    AND ($leadersOnly = false OR h.isLeader = true)
  RETURN p, h, o, k, r, role, c, w, null AS x, pw, ph, pk, pr, coalesce(w.job, '') AS projectName, 'was awarded without a tender' AS howEn
}
WITH p, h, o, k, r, role, c, w, x, pw, ph, pk, pr, projectName, howEn,
     {spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', child_spouse: '子女的配偶',
      spouse_parent: '配偶的父母', spouse_sibling: '配偶的兄弟姐妹', grandchild: '孙子女', grandparent: '祖父母',
      uncle_aunt: '伯叔姑舅姨', cousin: '堂表兄弟姐妹', nephew_niece: '侄甥子女', collateral3_spouse: '旁系血亲的配偶'} AS zh,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS roleZh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS roleEn
RETURN p.uid AS official, r.uid AS relative, c.uid AS company, x.uid AS project, o.uid AS unit,
       p.name AS officialName, o.name AS unitName, coalesce(h.title, '') AS title,
       k.relation AS relation, coalesce(zh[k.relation], k.relation) AS relationZh, replace(k.relation, '_', ' ') AS relationEn,
       r.name AS relativeName, c.name AS companyName,
       coalesce(roleZh[type(role)], type(role)) + CASE WHEN role.role IS NOT NULL THEN '（' + role.role + '）' ELSE '' END AS roleZh,
       roleEn[type(role)] AS roleEn,
       CASE WHEN x IS NULL THEN '获' + o.name + '直接发包' ELSE '中标' + o.name END AS awardZh,
       projectName, howEn, toString(w.date) AS awardDate, w.amount AS amount,
       [pw, ph, pk, pr] AS evidence
ORDER BY amount DESC
