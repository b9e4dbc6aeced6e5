// ---
// id: integrity.gambling-with-regulated-party
// revision: 6
// catalog: M19
// title:
//   zh: 公职人员与管理服务对象一起赌博
//   en: Official gambling with a party his unit regulates
// description: >
//   An official in post on the day is in the same 赌博 case file as someone who is the legal representative,
//   a shareholder or an officer of a company that the official's unit licensed, checked or fined
//   (REGULATES, from 行政许可/检查/处罚 records), or whose project it let (a lot it tendered that the company
//   won, or a direct award; the catalog's 项目 records), within windowYears of the case. Together means in one
//   case file, or, as the catalog also reads it, in two files of one place within copresenceHours (a raid
//   booked as one file a table). The 桐庐 model: a 住建局
//   村镇建设管理处 head gambled with a managed party; follow-up found 违规接受宴请. Known false positives:
//   small-stake social games (赌博 needs 营利目的), a partner only socially related; escalate to 八项规定 checks.
// severity: critical
// tags: [integrity, 管理服务对象, 赌博, M19]
// parameters:
//   caseTypes:
//     type: string[]
//     default: [赌博]
//     description: offence types where co-participants are checked; a case whose type contains one counts
//       (参与赌博, 聚众赌博, 赌博（麻将）)
//   windowYears:
//     type: integer
//     default: 3
//     description: a licence, check, penalty or project this many years before or after the case counts
//   copresenceHours:
//     type: integer
//     default: 2
//     description: two cases of one place (发案地点 as written) this many hours apart or less put their parties together; 0 reads the case file only
//   projects:
//     type: boolean
//     default: true
//     description: a lot the unit tendered that the company won, or a direct award to it, makes it a managed party
// identity: [official, partner, policeCase]
// subjects:
//   - { column: official, role: official }
//   - { column: partner, role: partner }
//   - { column: policeCase, role: case }
//   - { column: company, role: company }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{officialName}（{unitName}{title}）于{caseDate}与{partnerName}（{companyName}{roleZh}）{togetherZh}赌博，该企业是{unitName}的管理服务对象（{basis}）"
//   en: "{officialName} ({title}, {unitName}) was caught gambling on {caseDate} with {partnerName} ({roleEn} of {companyName}){togetherEn}, whom the unit regulates ({basis})"
// ---
CALL () {
  MATCH pa = (p:Person)-[:INVOLVED_IN]->(c:PoliceCase)<-[:INVOLVED_IN]-(q:Person)
  WHERE any(t IN $caseTypes WHERE c.type CONTAINS t) AND c.time IS NOT NULL AND p <> q
    AND EXISTS { (p)-[:HOLDS_POST]->() } AND EXISTS { (q)-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->() }
  RETURN p, q, c, [pa] AS pas, '同案' AS togetherZh, '' AS togetherEn
  // ALL: the two branches never give one row (the second is of two different cases), and UNION's
  // de-duplication held every pair of a busy card room's parties in memory.
  UNION ALL
  // two files of one place within the hours. Each case goes to the slot of its time and the next (slots as
  // long as the window), so two cases within the window share a slot: a place's cases meet only their
  // neighbours in time. Grouped by place alone, one place with every card room's cases of a big county held
  // each of them beside every other and passed the transaction's memory at 1,000,000 persons.
  MATCH (c:PoliceCase)
  WHERE $copresenceHours > 0 AND any(t IN $caseTypes WHERE c.type CONTAINS t) AND c.time IS NOT NULL AND coalesce(c.place, '') <> ''
  WITH c, c.time.epochSeconds / toInteger($copresenceHours * 3600) AS slot
  UNWIND [slot, slot + 1] AS s
  WITH c.place AS place, s, collect(c) AS cs
  WHERE size(cs) > 1
  UNWIND cs AS c
  UNWIND [x IN cs WHERE x <> c AND abs(duration.inSeconds(c.time, x.time).seconds) <= $copresenceHours * 3600] AS c2
  WITH DISTINCT c, c2
  WITH c, c2, abs(duration.inSeconds(c.time, c2.time).seconds) AS apart
  MATCH pa = (p:Person)-[:INVOLVED_IN]->(c), pb = (q:Person)-[:INVOLVED_IN]->(c2)
  WHERE p <> q AND NOT EXISTS { (p)-[:INVOLVED_IN]->(c2) } AND NOT EXISTS { (q)-[:INVOLVED_IN]->(c) }
    AND EXISTS { (p)-[:HOLDS_POST]->() } AND EXISTS { (q)-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->() }
  RETURN p, q, c, [pa, pb] AS pas,
         '在同一地点（另案' + c2.caseNo + '，相隔' + toString(apart / 60) + '分钟）' AS togetherZh,
         ' at the same place (case ' + c2.caseNo + ', ' + toString(apart / 60) + ' minutes apart)' AS togetherEn
}
WITH p, q, c, pas, togetherZh, togetherEn, date(c.time) AS d
MATCH ph = (p)-[h:HOLDS_POST]->(o:Org)
WHERE (h.from IS NULL OR h.from <= d) AND (h.to IS NULL OR h.to >= d)
MATCH pr = (q)-[role:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(co:Company)
// the partner's role held on the day of the case: shares given up before it (退出, or a full-snapshot
// delivery that no longer listed them) no longer make him the regulated party
WHERE (role.from IS NULL OR role.from <= d) AND (role.to IS NULL OR role.to >= d)
CALL (o, co, d) {
  MATCH pg = (o)-[g:REGULATES]->(co)
  WHERE g.from <= d + duration({years: $windowYears}) AND coalesce(g.to, g.from) >= d - duration({years: $windowYears})
  RETURN pg AS link, g.basis AS basis
  UNION
  MATCH pg = (o)-[:TENDERED]->(:Project)<-[w:WON]-(co)
  WHERE $projects AND w.date >= d - duration({years: $windowYears}) AND w.date <= d + duration({years: $windowYears})
  RETURN pg AS link, '中标项目' AS basis
  UNION
  MATCH pg = (o)-[w:AWARDED]->(co)
  WHERE $projects AND w.date >= d - duration({years: $windowYears}) AND w.date <= d + duration({years: $windowYears})
  RETURN pg AS link, '直接发包' AS basis
}
WITH p, q, c, d, h, o, co, role, pas, togetherZh, togetherEn, ph, pr, collect(link) AS regs, collect(basis) AS bases,
     {LEGAL_REP_OF: '法定代表人', SHAREHOLDER_OF: '股东', EXECUTIVE_OF: '主要人员'} AS zh,
     {LEGAL_REP_OF: 'the legal representative', SHAREHOLDER_OF: 'a shareholder', EXECUTIVE_OF: 'an officer'} AS en
RETURN p.uid AS official, q.uid AS partner, c.uid AS policeCase, co.uid AS company, o.uid AS unit,
       p.name AS officialName, o.name AS unitName, coalesce(h.title, '') AS title, toString(d) AS caseDate,
       q.name AS partnerName, co.name AS companyName, zh[type(role)] AS roleZh, en[type(role)] AS roleEn, bases[0] AS basis,
       togetherZh, togetherEn, pas + [ph, pr] + regs AS evidence
