// ---
// id: procurement.shared-device-on-lot
// revision: 4
// catalog: M25
// title:
//   zh: 同一标段不同投标人使用同一设备（机器码/MAC）
//   en: Bidders of one lot sharing a device fingerprint (machine code or MAC)
// description: >
//   Two different companies bid on the same lot, and their bid files were made or uploaded on one device:
//   the same 文件制作机器码 or the same network card (MAC). 招标投标法实施条例 第40条第(一)项 deems bids
//   whose files were prepared by the same unit or person as 视为串通投标. A shared upload IP alone does not
//   raise an alert (交易中心 开标室 public terminals, shared office NAT, mobile hotspots); a shared IP that is
//   not a known public terminal is added to the evidence as corroboration. Known false positives: a 招标代理
//   or 代理记账 office preparing files for several clients, a public terminal that also fixes its MAC, one
//   laptop lent between unrelated firms; experts warn a single hardware match is not legal proof on its
//   own — check the file metadata (作者, 创建标识码, 加密锁号) and the bidders' ties.
// severity: high
// tags: [procurement, 串通投标, 条例40, M25]
// parameters:
//   deviceKinds:
//     type: string[]
//     default: [machineCode, mac]
//     description: Device.kind values that identify one machine; a match on any of them raises the alert (ip is deliberately not in the default)
//   terminalIps:
//     type: string[]
//     default: [59.202.36.18]
//     description: upload IPs of the 交易中心 public terminals, never a match (even with ip in deviceKinds) nor shown as corroboration
//   terminalUploadsMatch:
//     type: boolean
//     default: true
//     description: a bid uploaded from a terminal IP still matches on its MAC or machine code (the centre's network may carry
//       a bidder's own laptop out through that IP); false where the terminals are machines bidders sit at, whose card and
//       disk every user shares (then the list of their IPs is enough, without terminalMacs)
//   terminalMacs:
//     type: string[]
//     default: []
//     description: MACs of those terminals, where the platform records the uploading machine's card (a 交易中心's list gives both); never a match
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}），投标文件使用同一设备：{deviceList}{ipNote}"
//   en: "{companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}) from one device: {deviceListEn}{ipNoteEn}"
// ---
// Bids of one lot grouped by the machine code or MAC they used; only groups of two or more bids go on to
// the pairs.
MATCH (x:Project)<-[:FOR]-(b:Bid)-[:USED_DEVICE]->(d:Device)
WHERE d.kind IN $deviceKinds AND NOT (d.kind = 'ip' AND d.value IN $terminalIps)
  // however the list writes a MAC (00-1E-…, 00:1e:…, 001e.673a.…), compared as its twelve hex digits
  AND NOT (d.kind = 'mac' AND replace(d.value, '-', '') IN [m IN $terminalMacs | toUpper(replace(replace(replace(m, '-', ''), ':', ''), '.', ''))])
  // where the terminals are shared machines, a bid uploaded from one carries the terminal's card and disk
  AND ($terminalUploadsMatch OR NOT EXISTS { (b)-[:USED_DEVICE]->(t:Device {kind: 'ip'}) WHERE t.value IN $terminalIps })
WITH x, d, collect(b) AS bids
WHERE size(bids) > 1
UNWIND bids AS b1
UNWIND bids AS b2
MATCH pa = (c1:Company)-[:SUBMITTED]->(b1)-[:FOR]->(x)<-[:FOR]-(b2)<-[:SUBMITTED]-(c2:Company)
WHERE c1.uid < c2.uid
MATCH pd = (b1)-[:USED_DEVICE]->(d)<-[:USED_DEVICE]-(b2)
OPTIONAL MATCH pi = (b1)-[:USED_DEVICE]->(ip:Device {kind: 'ip'})<-[:USED_DEVICE]-(b2)
WHERE NOT ip.value IN $terminalIps
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c1, c2, x, collect(DISTINCT d) AS devices, collect(DISTINCT ip.value) AS ips, collect(DISTINCT o) AS units,
     collect(DISTINCT pa) + collect(DISTINCT pd) + collect(DISTINCT pi) + collect(DISTINCT pt) AS evidence
WITH c1, c2, x, devices, ips, units[0] AS o, evidence,
     {machineCode: '机器码', mac: 'MAC', ip: 'IP'} AS zh, {machineCode: 'machine code', mac: 'MAC', ip: 'IP'} AS en
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName,
       reduce(s = '', d IN devices | s + CASE WHEN s = '' THEN '' ELSE '；' END + coalesce(zh[d.kind], d.kind) + ' ' + d.value) AS deviceList,
       reduce(s = '', d IN devices | s + CASE WHEN s = '' THEN '' ELSE '; ' END + coalesce(en[d.kind], d.kind) + ' ' + d.value) AS deviceListEn,
       CASE WHEN size(ips) = 0 THEN '' ELSE '；另有相同上传IP ' + reduce(s = '', v IN ips | s + CASE WHEN s = '' THEN '' ELSE '、' END + v) END AS ipNote,
       CASE WHEN size(ips) = 0 THEN '' ELSE '; also the same upload IP ' + reduce(s = '', v IN ips | s + CASE WHEN s = '' THEN '' ELSE ', ' END + v) END AS ipNoteEn,
       evidence
ORDER BY projectCode, company, company2
