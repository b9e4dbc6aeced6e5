// ---
// id: procurement.shared-contact-on-lot
// revision: 1
// catalog: M27
// title:
//   zh: 同一标段不同投标人联系电话或项目负责人相同
//   en: Bidders of one lot sharing a contact phone or project manager
// description: >
//   Two different companies bid on the same lot, and their bids give the same contact phone, or name the
//   same person (by ID number) as 项目负责人. 招标投标法实施条例 第40条第(二)项 (投标事宜由同一人办理) and
//   第(三)项 (项目管理成员为同一人) deem such bids 视为串通投标. Known false positives: a 代理记账 or
//   注册代理 office phone written into many firms' files, a 招标代理's switchboard, a project manager whose
//   registration moved between the two firms; check who answers the number and the manager's 注册单位 on
//   the bid date.
// severity: high
// tags: [procurement, 串通投标, 条例40, M27]
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}），两份投标文件{sharedZh}"
//   en: "{companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}); both bids {sharedEn}"
// ---
// Bids of one lot grouped by the phone or manager they name; only groups of two or more bids go on to
// the pairs (a phone shared by one company's bids on many lots is never paired across lots).
MATCH (x:Project)<-[:FOR]-(b:Bid)-[r:CONTACT|PROJECT_MANAGER]->(s)
WITH x, s, type(r) AS kind, collect(b) AS bids
WHERE size(bids) > 1
UNWIND bids AS b1
UNWIND bids AS b2
MATCH pa = (c1:Company)-[:SUBMITTED]->(b1)-[:FOR]->(x)<-[:FOR]-(b2)<-[:SUBMITTED]-(c2:Company)
WHERE c1.uid < c2.uid
MATCH ps = (b1)-[r1:CONTACT|PROJECT_MANAGER]->(s)<-[r2:CONTACT|PROJECT_MANAGER]-(b2)
WHERE type(r1) = kind AND type(r2) = kind
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c1, c2, x, collect(DISTINCT o) AS units,
     collect(DISTINCT CASE WHEN s:Phone THEN s.number END) AS phones,
     collect(DISTINCT CASE WHEN s:Person THEN s.name END) AS managers,
     collect(DISTINCT pa) + collect(DISTINCT ps) + collect(DISTINCT pt) AS evidence
WITH c1, c2, x, units[0] AS o, evidence,
     reduce(t = '', n IN phones | t + CASE WHEN t = '' THEN '' ELSE '、' END + n) AS phoneList,
     reduce(t = '', n IN managers | t + CASE WHEN t = '' THEN '' ELSE '、' END + n) AS managerList
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName,
       CASE WHEN phoneList <> '' THEN '联系电话均为' + phoneList ELSE '' END
         + CASE WHEN phoneList <> '' AND managerList <> '' THEN '，且' ELSE '' END
         + CASE WHEN managerList <> '' THEN '项目负责人均为' + managerList ELSE '' END AS sharedZh,
       CASE WHEN phoneList <> '' THEN 'give the contact phone ' + phoneList ELSE '' END
         + CASE WHEN phoneList <> '' AND managerList <> '' THEN ' and ' ELSE '' END
         + CASE WHEN managerList <> '' THEN 'name ' + managerList + ' as project manager' ELSE '' END AS sharedEn,
       evidence
ORDER BY projectCode, company, company2
