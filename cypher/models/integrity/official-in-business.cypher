// ---
// id: integrity.official-in-business
// revision: 2
// catalog: M01
// title:
//   zh: 公职人员违规经商办企业
//   en: Official running or holding a business
// description: >
//   A person holding a post at a 党政机关 or 事业单位 is, during the post, the legal representative, a
//   shareholder or an officer of a company that is still registered (存续/在业). The same 身份证号 on both
//   sides, not a name. 公务员法 第59条 forbids officials to 违反有关规定从事或者参与营利性活动. Known false
//   positives: a role that ended before the post but whose 退出 was never registered, approved posts in
//   国企/事业单位, shares inherited and being sold. Verify with the registry's change records (变更登记).
//   The role must still hold on asOf (default: the day of the run): a role a full-snapshot delivery of the
//   registry no longer lists has ended (its `to`), and a business given up is no longer an alert.
// severity: high
// tags: [integrity, 违规经商, M01]
// parameters:
//   orgKinds:
//     type: string[]
//     default: [党政机关, 事业单位]
//     description: kinds of unit whose post holders may not do business
//   activeStatuses:
//     type: string[]
//     default: [存续, 在业]
//     description: registry states that count as a live company
//   asOf:
//     type: date
//     default: today
//     description: the day examined; the role must still hold then (today, or a past day to look back)
// identity: [official, company, unit]
// subjects:
//   - { column: official, role: official }
//   - { column: company, role: company }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{officialName}（{unitName}{title}，{postFrom}起）任职期间是{companyName}（{status}）的{roleZh}"
//   en: "{officialName} ({title}, {unitName}, since {postFrom}) is {roleEn} of {companyName} ({status}) while in post"
// ---
WITH date($asOf) AS asOf
MATCH ph = (p:Person)-[h:HOLDS_POST]->(o:Org)
WHERE o.kind IN $orgKinds AND (h.from IS NULL OR h.from <= asOf)
MATCH pr = (p)-[r:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c:Company)
WHERE c.status IN $activeStatuses
  // The role and the post overlap; the registry gives no dates for a legal representative.
  AND (r.from IS NULL OR h.to IS NULL OR r.from <= h.to)
  AND (r.to IS NULL OR h.from IS NULL OR r.to >= h.from)
  // … and the role still holds on the day examined: an ended role is history, not a live business
  AND (r.from IS NULL OR r.from <= asOf) AND (r.to IS NULL OR r.to >= asOf)
WITH p, h, o, r, c, ph, pr,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS zh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS en
RETURN p.uid AS official, c.uid AS company, o.uid AS unit,
       p.name AS officialName, o.name AS unitName, coalesce(h.title, '') AS title, toString(h.from) AS postFrom,
       c.name AS companyName, c.status AS status,
       zh[type(r)] + CASE WHEN r.role IS NOT NULL THEN '（' + r.role + '）' ELSE '' END AS roleZh, en[type(r)] AS roleEn,
       [ph, pr] AS evidence
