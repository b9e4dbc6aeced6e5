// ---
// id: integrity.leader-kin-in-business
// revision: 5
// catalog: M02
// title:
//   zh: 领导干部配偶、子女及其配偶经商办企业
//   en: A leader's spouse, child or child-in-law in business
// description: >
//   A leading member (是否领导成员) of a 党政机关, 事业单位 or 国企 has a spouse, child or child's spouse who is
//   the legal representative, a shareholder or an officer of a live company registered in the county
//   (统一社会信用代码 positions 3-8 = the region code) while the leader is in post. 领导干部配偶、子女及其配偶
//   经商办企业管理规定 (2022): the scope is 配偶、子女及其配偶. A child's spouse is read as the register states it
//   (儿媳、女婿 in the leader's household) and, with child_spouse in scope, composed across sources: the
//   leader's child (a household register) and that child's spouse (a marriage registration, often of someone
//   registered in another county). Known false positives: ordinary employment without a senior post;
//   business outside the leader's jurisdiction or industry may be allowed.
// severity: medium
// tags: [integrity, kinship, 经商办企业, M02]
// parameters:
//   kinRelations:
//     type: string[]
//     default: [spouse, child, child_spouse]
//     description: KIN.relation values in scope (配偶、子女、子女的配偶)
//   orgKinds:
//     type: string[]
//     default: [党政机关, 事业单位, 国企]
//     description: kinds of unit whose leading members are covered
//   regionCodes:
//     type: string[]
//     default: []
//     description: "region codes (credit-code positions 3-8) of the leader's jurisdiction; empty: the region most of the registry's companies are registered in, the county's own"
//   activeStatuses:
//     type: string[]
//     default: [存续, 在业]
//     description: registry states that count as a live company
//   asOf:
//     type: date
//     default: today
//     description: the day examined; the relative's role and the kinship must still hold then
// identity: [leader, relative, company]
// subjects:
//   - { column: leader, role: official }
//   - { column: relative, role: relative }
//   - { column: company, role: company }
// evidence: evidence
// summary:
//   zh: "{leaderName}（{unitName}{title}）的{relationZh}{relativeName}是本地企业{companyName}的{roleZh}"
//   en: "The {relationEn} of {leaderName} ({title}, {unitName}), {relativeName}, is {roleEn} of the local company {companyName}"
// ---
WITH date($asOf) AS asOf
// Unset, the jurisdiction is read from the data: a county's registry holds mostly its own companies (a
// default naming one county's code found nothing anywhere else).
CALL {
  MATCH (c:Company)
  WHERE size($regionCodes) = 0 AND size(c.uscc) = 18
  WITH substring(c.uscc, 2, 6) AS region, count(*) AS n
  ORDER BY n DESC, region
  LIMIT 1
  RETURN collect(region) AS derived
}
WITH asOf, CASE WHEN size($regionCodes) > 0 THEN $regionCodes ELSE derived END AS regions
MATCH ph = (l:Person)-[h:HOLDS_POST]->(o:Org)
WHERE h.isLeader = true AND o.kind IN $orgKinds AND (h.from IS NULL OR h.from <= asOf)
CALL (l) {
  MATCH pk = (l)-[k:KIN]->(r:Person)
  WHERE k.relation IN $kinRelations AND r <> l
  RETURN pk, r, k.relation AS relation, k.to AS kinTo
  UNION
  // 子女的配偶 from two sources: the child of one, the child's spouse of the other; the link ends with
  // either (a 离婚 registration sets the spouse KIN's end).
  MATCH pk = (l)-[k1:KIN {relation: 'child'}]->(:Person)-[k2:KIN {relation: 'spouse'}]->(r:Person)
  WHERE 'child_spouse' IN $kinRelations AND r <> l
  RETURN pk, r, 'child_spouse' AS relation,
         CASE WHEN k1.to IS NULL THEN k2.to WHEN k2.to IS NULL OR k1.to < k2.to THEN k1.to ELSE k2.to END AS kinTo
}
MATCH pr = (r)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c:Company)
WHERE c.status IN $activeStatuses AND substring(c.uscc, 2, 6) IN regions
  AND (role.from IS NULL OR h.to IS NULL OR role.from <= h.to)
  AND (role.to IS NULL OR h.from IS NULL OR role.to >= h.from)
  // a marriage dissolved (KIN.to) before the post or the role began no longer counts
  AND (kinTo IS NULL OR ((h.from IS NULL OR kinTo >= h.from) AND (role.from IS NULL OR kinTo >= role.from)))
  // the role and the kinship still hold on the day examined: a role ended (by its 退出 date, or by a
  // full-snapshot delivery no longer listing it) is history, not a relative in business
  AND (role.from IS NULL OR role.from <= asOf) AND (role.to IS NULL OR role.to >= asOf)
  AND (kinTo IS NULL OR kinTo >= asOf)
WITH l, h, o, relation, r, role, c, ph, pk, pr,
     {spouse: '配偶', child: '子女', child_spouse: '子女的配偶'} AS zh,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS roleZh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS roleEn
RETURN l.uid AS leader, r.uid AS relative, c.uid AS company,
       l.name AS leaderName, o.name AS unitName, coalesce(h.title, '') AS title,
       coalesce(zh[relation], relation) AS relationZh, replace(relation, '_', ' ') AS relationEn,
       r.name AS relativeName, c.name AS companyName, roleZh[type(role)] AS roleZh, roleEn[type(role)] AS roleEn,
       [ph, pk, pr] AS evidence
