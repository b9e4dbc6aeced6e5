// ---
// id: procurement.cover-bidders-and-rings
// revision: 2
// catalog: M30
// title:
//   zh: 陪标专业户与围标圈（固定或轮流中标）
//   en: Cover bidders and bidding rings with a fixed or rotating winner
// description: >
//   Two patterns of 陪标/围标 in one model. (1) Cover bidder (陪标专业户): a company that bid on at least
//   coverMinBids distinct projects and never won an award. (2) Ring (伴随投标/轮流坐庄), shown pair by pair: two
//   companies that bid on the same project at least ringMinTogether times, where at least ringWinShare of those
//   shared projects went to the ring: the two, and any firm that won one of them and bid on at least
//   ringMemberShare of them too. So a fixed winner with the two covering it, two firms taking turns, a ring
//   of three or more rotating among its members, and two covers always beside the same winner are each
//   found, every pair of a ring its own alert; the summary tells a fixed winner from a rotating one.
//   Known false positives: thin markets with few qualified firms (专业资质 lots in a small county), a firm
//   new to the market that has not won yet, consortium partners that always bid together. Compare with the
//   region's firms of the same 资质 class. (ringWinShare 1 and ringMemberShare above 1 give revision 1's
//   reading: every shared project won by one of the two.)
// severity: medium
// tags: [procurement, 陪标, 围标, 轮流坐庄, M30]
// parameters:
//   coverMinBids:
//     type: integer
//     default: 20
//     description: a cover bidder bid on at least this many distinct projects, with no win
//   ringMinTogether:
//     type: integer
//     default: 5
//     description: a ring pair bid together on at least this many projects
//   ringWinShare:
//     type: float
//     default: 0.9
//     description: at least this share of the pair's shared projects went to the ring (an outsider now and then is how rings hide)
//   ringMemberShare:
//     type: float
//     default: 0.8
//     description: a third firm that won some of the pair's shared projects belongs to the ring when it bid on at least this share of them
// identity: [pattern, company, company2]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company }
// evidence: evidence
// summary:
//   zh: "{companyName}{detailZh}"
//   en: "{companyName} {detailEn}"
// ---
MATCH (c:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x:Project)
WITH c, count(DISTINCT x) AS lots
WHERE lots >= $coverMinBids AND NOT (c)-[:WON]->()
MATCH pb = (c)-[:SUBMITTED]->(:Bid)-[:FOR]->(:Project)
WITH c, lots, collect(pb) AS evidence
RETURN 'cover' AS pattern, c.uid AS company, null AS company2, c.name AS companyName, null AS company2Name,
       '投标' + toString(lots) + '个项目，从未中标（陪标专业户）' AS detailZh,
       'bid on ' + toString(lots) + ' projects and never won one (cover bidder)' AS detailEn,
       evidence
UNION
MATCH (a:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x:Project)<-[:FOR]-(:Bid)<-[:SUBMITTED]-(b:Company)
WHERE a.uid < b.uid
WITH a, b, collect(DISTINCT x) AS lots
WHERE size(lots) >= $ringMinTogether
// Who won the lots the two shared. A winner that bid on most of them too is one of the ring (a ring of three
// shows in each of its pairs); one seen now and then is an outsider.
UNWIND lots AS x
OPTIONAL MATCH (w:Company)-[:WON]->(x)
WITH a, b, lots, x, collect(DISTINCT w) AS ws
WITH a, b, lots, collect({x: x, ws: ws}) AS won
WITH a, b, lots, won, reduce(s = [], r IN won | s + [w IN r.ws WHERE NOT w IN s]) AS winners
WITH a, b, lots, won,
     [w IN winners WHERE w = a OR w = b
        OR size([x IN lots WHERE exists { (w)-[:SUBMITTED]->(:Bid)-[:FOR]->(x) }]) >= $ringMemberShare * size(lots)] AS ring
WITH a, b, lots, ring, [r IN won WHERE any(w IN r.ws WHERE w IN ring)] AS inside
WHERE size(inside) > 0 AND size(inside) >= $ringWinShare * size(lots)
WITH a, b, size(lots) AS together, ring, inside,
     [m IN [a, b] + [m IN ring WHERE NOT m IN [a, b]] WHERE m IN ring | {name: m.name, wins: size([r IN inside WHERE m IN r.ws])}] AS tally
UNWIND inside AS r
UNWIND [w IN r.ws WHERE w IN ring] AS w
WITH a, b, together, ring, inside, tally, r.x AS x, w
MATCH pa = (a)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
MATCH pb = (b)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
MATCH pw = (w)-[:WON]->(x)
WITH a, b, together, ring, size(inside) AS ringWon, tally, collect(DISTINCT pa) + collect(DISTINCT pb) + collect(DISTINCT pw) AS evidence
WITH a, b, together, ringWon, tally, evidence, ring = [a, b] OR ring = [b, a] OR size(ring) = 1 AND ring[0] IN [a, b] AS twoOnly,
     CASE WHEN size(ring) = 1 THEN ring[0].name ELSE null END AS fixedWinner
WITH a, b, together, ringWon, tally, evidence, fixedWinner, twoOnly, twoOnly AND ringWon = together AS strict,
     reduce(s = '', t IN tally | s + CASE WHEN s = '' THEN '' ELSE '，' END + t.name + toString(t.wins) + '个') AS turnsZh,
     reduce(s = '', t IN tally | s + CASE WHEN s = '' THEN '' ELSE ', ' END + t.name + ' ' + toString(t.wins)) AS turnsEn
RETURN 'ring' AS pattern, a.uid AS company, b.uid AS company2, a.name AS companyName, b.name AS company2Name,
       '与' + b.name + '共同投标' + toString(together) + '个项目，' +
         CASE WHEN strict THEN '全部由二者之一中标：'
              ELSE toString(ringWon) + '个由' + CASE WHEN twoOnly THEN '二者之一' ELSE '同场投标的圈内企业' END + '中标：' END +
         CASE WHEN fixedWinner IS NOT NULL THEN '均由' + fixedWinner + '中标（固定中标，' + CASE WHEN twoOnly THEN '另一家' ELSE '二者' END + '陪标）'
              ELSE '轮流中标（' + turnsZh + '）' END AS detailZh,
       'and ' + b.name + ' bid together on ' + toString(together) + ' projects, ' +
         CASE WHEN strict THEN 'every one won by one of them: '
              ELSE toString(ringWon) + ' won by ' + CASE WHEN twoOnly THEN 'one of them' ELSE 'a firm of their ring bidding beside them' END + ': ' END +
         CASE WHEN fixedWinner IS NOT NULL THEN 'always ' + fixedWinner + ' (fixed winner, ' + CASE WHEN twoOnly THEN 'the other covers' ELSE 'both cover' END + ')'
              ELSE 'they take turns (' + turnsEn + ' wins)' END AS detailEn,
       evidence
