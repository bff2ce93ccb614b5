#!/usr/bin/env python3
"""Independent check of the fixtures in tests/data/fixtures and their <stem>.expected.json (no C# involved).

1. every cell's value is printed on the line the expected JSON gives: for HTML the file line (a blank cell: the
   line of its <td>); for .docx the block ordinal (body paragraphs and table rows, counted from 1 in document order);
   every section heading is on its line;
2. the identities of docs/formats.md recomputed from the expected cells; the ones that fail must be exactly the
   fixture's "deliberate" list (rule id and count), nothing more, nothing less.
Usage: python3 tests/data/check_fixtures.py        (exit 1 on any problem)
"""
import glob, html, json, os, re, sys, zipfile
from xml.etree import ElementTree as ET

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
APPL = ['natural_person', 'org.commercial', 'org.research', 'org.social_welfare', 'org.legal_service', 'org.other']
OUTC = ['upheld', 'corrected', 'other', 'pending']
problems = []


def num(cells, cid):
    """Blank, placeholder and absent count as 0 in sums (formats.md §6)."""
    c = cells.get(cid)
    return 0 if c is None or c.get('value') is None else c['value']


def is_num(cells, cid):
    c = cells.get(cid)
    return c is not None and c.get('value') is not None


def docx_blocks(path):
    body = ET.fromstring(zipfile.ZipFile(path).read('word/document.xml')).find(W + 'body')
    blocks = [None]  # 1-based
    for b in body:
        if b.tag == W + 'p':
            blocks.append([''.join(t.text or '' for t in b.iter(W + 't'))])
        elif b.tag == W + 'tbl':
            for tr in b.findall(W + 'tr'):
                blocks.append([''.join(t.text or '' for t in tc.iter(W + 't')) for tc in tr.findall(W + 'tc')])
    return blocks


def check_lines(name, d):
    src = os.path.join(HERE, d['source']['file'])
    printed = lambda c: c.get('raw') if 'raw' in c else ('' if c['value'] is None else str(c['value']))
    if d['source']['format'] == 'docx':
        blocks = docx_blocks(src)
        for cid, c in d['cells'].items():
            row = blocks[c['line']]
            if printed(c) not in row:
                problems.append(f'{name}: {cid} {printed(c)!r} not a cell of block {c["line"]}: {row}')
        for s in d['sections']:
            if blocks[s['line']] != [s['text']]:
                problems.append(f'{name}: section {s["text"]} not block {s["line"]}')
        return
    lines = open(src, 'rb').read().decode(d['source']['encoding']).split('\r\n')
    for cid, c in d['cells'].items():
        text = lines[c['line'] - 1]
        p = printed(c)
        if p == '':
            ok = '<td' in text
        else:
            ok = re.search('>' + re.escape(html.escape(p, quote=False)) + '<', text) is not None
        if not ok:
            problems.append(f'{name}: {cid} {p!r} not printed on line {c["line"]}: {text.strip()[:80]!r}')
    for s in d['sections']:
        if '>' + s['text'] + '<' not in lines[s['line'] - 1]:
            problems.append(f'{name}: section {s["text"]} not on line {s["line"]}')


def identities(d):
    """(rule id, instance) of every failing identity."""
    c, fails = d['cells'], []
    f = lambda rule, inst, ok: ok or fails.append((rule, inst))
    if d['schema'] == 'pre2019':
        kids = {
            'requests.received': ['in_person', 'fax', 'online', 'letter'], 'requests.completed': ['on_time', 'extended'],
            'requests.replies': ['already_public', 'granted', 'partial', 'refused', 'not_this_agency', 'not_exist', 'amend', 'other_channel'],
            'review.total': None, 'litigation.total': None, 'org.staff': ['full_time', 'part_time']}
        for row, parts in kids.items():
            ids = [f'{row}.{p}' for p in parts] if parts else [row.replace('.total', '.' + p) for p in ['upheld', 'corrected', 'other']]
            if is_num(c, row):
                f('pre2019.parts-sum', row, num(c, row) == sum(num(c, i) for i in ids))
            else:
                f('pre2019.total-blank', row, sum(num(c, i) for i in ids) == 0)
        for a, b in [('active.normative_docs_published', 'active.total'), ('response.press_conf_leaders', 'response.press_conf'),
                     ('response.web_interviews_leaders', 'response.web_interviews')]:
            f('pre2019.of-which', a, num(c, a) <= num(c, b))
        reasons = sum(num(c, f'requests.replies.refused.{r}') for r in ['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'])
        f('pre2019.refused-reasons.over', '', reasons <= num(c, 'requests.replies.refused'))
        f('pre2019.refused-reasons.under', '', reasons >= num(c, 'requests.replies.refused'))
        channels = [f'active.channels.{x}' for x in ['gazette', 'website', 'weibo', 'wechat', 'other']]
        for ch in channels:
            f('pre2019.channels.each', ch, num(c, ch) <= num(c, 'active.total'))
        f('pre2019.channels.cover', '', sum(num(c, ch) for ch in channels) >= num(c, 'active.total'))
        f('pre2019.normative-docs.unpublished', '', num(c, 'active.normative_docs_published') >= num(c, 'active.normative_docs_issued'))
        f('pre2019.requests.completed-above-received', '', num(c, 'requests.completed') <= num(c, 'requests.received'))
        f('pre2019.requests.replies-vs-completed', '', num(c, 'requests.replies') == num(c, 'requests.completed'))
        return fails
    s = d['schema']
    rows = sorted({k.split('[')[0] for k in c if k.startswith(('requests.', 'result.'))})
    results = [r for r in rows if r.startswith('result.') and r != 'result.total']
    for r in rows:
        parts = sum(num(c, f'{r}[{a}]') for a in APPL)
        if is_num(c, f'{r}[total]'):
            f(f'{s}.applications.row-total', r, num(c, f'{r}[total]') == parts)
    for col in APPL + ['total']:
        f(f'{s}.applications.result-total', col, num(c, f'result.total[{col}]') == sum(num(c, f'{r}[{col}]') for r in results))
        rule = f'{s}.applications.flow-total' if col == 'total' else f'{s}.applications.flow'
        f(rule, col, num(c, f'requests.new[{col}]') + num(c, f'requests.carried_over[{col}]') == num(c, f'result.total[{col}]') + num(c, f'requests.carry_forward[{col}]'))
    for r in ['review', 'litigation.direct', 'litigation.after_review']:
        f(f'{s}.review-litigation.parts', r, num(c, f'{r}[total]') == sum(num(c, f'{r}[{o}]') for o in OUTC))
    for r in ['art20_1.regulations', 'art20_1.normative_docs']:
        if s == '2019':
            f('2019.art20_1.published-within-total', r, num(c, f'{r}[published_new]') <= num(c, f'{r}[published_total]'))
            f('2019.art20_1.made-within-total', r, num(c, f'{r}[made_new]') <= num(c, f'{r}[published_total]'))
            f('2019.art20_1.unpublished', r, num(c, f'{r}[published_new]') >= num(c, f'{r}[made_new]'))
        else:
            f('2021.art20_1.issued-within-stock', r, num(c, f'{r}[issued]') <= num(c, f'{r}[in_force]') + num(c, f'{r}[repealed]'))
    if s == '2019':
        for r in ['art20_5.licensing', 'art20_5.other_services', 'art20_6.penalty', 'art20_6.coercion', 'art20_8.admin_fees']:
            f('2019.art20.stock-negative', r, num(c, f'{r}[prev_items]') + num(c, f'{r}[change]') >= 0)
        p, a = num(c, 'art20_9.central_procurement[projects]'), num(c, 'art20_9.central_procurement[amount]')
        f('2019.art20_9.procurement-pair', '', (p == 0 and a == 0) or (p > 0 and a > 0))
    return fails


for path in sorted(glob.glob(os.path.join(HERE, '*.expected.json'))):
    name = os.path.basename(path)
    d = json.load(open(path, encoding='utf-8'))
    check_lines(name, d)
    fails = identities(d)
    got = sorted((r, sum(1 for x in fails if x[0] == r)) for r in {x[0] for x in fails})
    want = sorted((x['rule'], x['count']) for x in d['deliberate'])
    print(f'{name}: {len(d["cells"])} cells; failing identities {fails}')
    if got != want:
        problems.append(f'{name}: identities failing {got}, deliberate {want}')

print('\n'.join(problems) if problems else 'OK: every value on its line; only the deliberate identities fail')
sys.exit(1 if problems else 0)
