// ---
// id: welfare.means-tested-household-in-business
// revision: 2
// catalog: M10
// title:
//   zh: 家庭成员经营或持有企业仍领取低保、特困
//   en: Means-tested aid drawn while a household member runs or owns a company
// description: >
//   M10's company part. A person draws 低保 or 特困 for a period while a member of the same household (户籍,
//   the recipient included) is the legal representative, a shareholder or an officer of a company for some
//   of that period: the company was founded by the end of the period and the role overlaps it. 低保 is
//   household-based and counts business income and assets (社会救助暂行办法 第9条, 最低生活保障审核确认办法
//   第12条: 家庭成员 担任企业法定代表人、股东、高管 are looked at when eligibility is checked). A company deregistered
//   (注销) before the period began shows as roles that ended before it. Known false positives: a dormant firm
//   never deregistered (吊销未注销), a nominal shareholding (代持), a role whose end the registry never
//   recorded; ask the 市场监管 register and the household's bank flows before acting.
// severity: high
// tags: [welfare, 低保, 经商办企业, M10]
// parameters:
//   programs:
//     type: string[]
//     default: [MZ-DBNC, MZ-DBCS, MZ-TK]
//     description: means-tested programme codes (农村/城市低保, 特困)
// identity: [recipient, member, company, program]
// subjects:
//   - { column: recipient, role: recipient }
//   - { column: member, role: member }
//   - { column: company, role: company }
//   - { column: program, role: program }
// evidence: evidence
// summary:
//   zh: "{recipientName}领取{programName}期间，同户{memberRelZh}{memberName}是{companyName}的{roleZh}（重叠{months}个月）"
//   en: "{recipientName} drew {programName} while {memberName}, of the same household, was {roleEn} of {companyName} ({months} months overlapping)"
// ---
// Each recipient once (DISTINCT) through the household to the members' company roles, and only then the
// payments of the few with a role: starting from every monthly payment expanded the household and every
// member's relationships once per payment (25 million db hits, 20-30 s at 1,000,000 persons). The same
// payment, household, member and role combinations come out, so the rows are the same.
MATCH (g:Program) WHERE g.code IN $programs
MATCH (r:Person)-[:RECEIVED]->(g)
WITH DISTINCT r, g
MATCH pm = (r)-[:MEMBER_OF]->(hh:Household)
MATCH ph = (m:Person)-[:MEMBER_OF]->(hh)
MATCH pc = (m)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c:Company)
// A subquery, so the planner cannot start from the payments again (in one MATCH it did).
CALL {
  WITH r, g, c, role
  MATCH pr = (r)-[x:RECEIVED]->(g)
  WHERE x.periodFrom IS NOT NULL AND x.periodTo IS NOT NULL
    AND (c.foundedDate IS NULL OR c.foundedDate <= x.periodTo)
    // a firm struck off (注销/吊销) before the period began was no longer a business in it
    AND (c.endDate IS NULL OR c.endDate >= x.periodFrom)
    AND (role.from IS NULL OR role.from <= x.periodTo) AND (role.to IS NULL OR role.to >= x.periodFrom)
  RETURN pr, x
}
WITH r, g, m, c, role, pm, ph, pc, pr, x,
     CASE WHEN role.from IS NOT NULL AND role.from > x.periodFrom THEN role.from ELSE x.periodFrom END AS lo,
     CASE WHEN role.to IS NOT NULL AND role.to < x.periodTo THEN role.to ELSE x.periodTo END AS hi0
WITH r, g, m, c, pm, ph, pc, pr, type(role) AS roleType, lo,
     CASE WHEN c.endDate IS NOT NULL AND c.endDate < hi0 THEN c.endDate ELSE hi0 END AS hi
UNWIND range(0, hi.year * 12 + hi.month - lo.year * 12 - lo.month) AS k
WITH r, g, m, c, collect(DISTINCT roleType) AS roles, collect(DISTINCT date.truncate('month', lo) + duration({months: k})) AS months,
     collect(DISTINCT pr) AS paid, collect(pm)[0] AS member, collect(ph)[0] AS home, collect(DISTINCT pc) AS held
WITH r, g, m, c, roles, months, paid, member, home, held,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS zh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS en
RETURN r.uid AS recipient, m.uid AS member, c.uid AS company, g.uid AS program,
       r.name AS recipientName, m.name AS memberName, c.name AS companyName, g.name AS programName,
       CASE WHEN m = r THEN '本人' ELSE '成员' END AS memberRelZh,
       reduce(s = '', t IN roles | s + CASE WHEN s = '' THEN '' ELSE '、' END + zh[t]) AS roleZh,
       reduce(s = '', t IN roles | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + en[t]) AS roleEn,
       // One payment path stands for all: every payment is the same two nodes and relationship type, and an
       // alert's evidence keeps nodes and (start, type, end) edges, so the other paths add nothing to it; sending
       // them all (50,000 paths at 1,000,000 persons) took 9 of the 10 s.
       size(months) AS months, [member, home] + held + paid[0..1] AS evidence
ORDER BY recipient, member, company
