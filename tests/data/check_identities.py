#!/usr/bin/env python3
"""Sanity check for the hand-made data in tests/data.

1. every extraction cell's value is printed on the line it names (source texts in /work/shared);
2. the identities of docs/formats.md §2-4 recomputed for every file (failures are printed, not fatal:
   some real reports do not balance);
3. key figures compared with seeds/EXPECTED.md and corpus/INDEX.md (typed in below by hand);
4. examples/seed-*.json equal the values of the matching extraction files.
Usage: python3 tests/data/check_identities.py [shared-dir]   (default /work/shared)
"""
import json, re, sys, os, glob

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else '/work/shared'
APPL = ['natural_person', 'org.commercial', 'org.research', 'org.social_welfare',
        'org.legal_service', 'org.other', 'total']
OUTC = ['upheld', 'corrected', 'other', 'pending', 'total']
WITHHELD = ['state_secret', 'law_prohibited', 'security_stability', 'third_party',
            'internal_affairs', 'process_info', 'enforcement_file', 'admin_query']
UNABLE = ['not_held', 'needs_creation', 'unclear']
NOTPROC = ['petition', 'duplicate', 'publication', 'mass_repeat', 'confirm_reissue']
OTHER21 = ['no_correction', 'no_fee', 'other']

problems = []   # data errors (wrong line, mismatch with EXPECTED/INDEX)
findings = []   # identities that fail in the data itself


def val(cells, cid):
    """(present, value) with blank -> None; objects unwrapped; strings parsed like the reader."""
    if cid not in cells:
        return False, None
    v = cells[cid]
    if isinstance(v, dict):
        v = v.get('value')
    if isinstance(v, str):
        m = re.match(r'^[+]?(-?\d+(?:\.\d+)?)', v)
        v = float(m.group(1)) if m else None
    return True, v


def num(cells, cid):
    return val(cells, cid)[1] or 0


def check_lines(name, d):
    src = d.get('source', {}).get('file')
    path = None
    for sub in ('seeds', 'corpus'):
        p = os.path.join(SHARED, sub, src)
        if os.path.exists(p):
            path = p
    if not path:
        problems.append(f'{name}: source {src} not found')
        return
    lines = open(path, encoding='utf-8').read().split('\n')
    for cid, c in d['cells'].items():
        if 'line' not in c:
            continue
        text = lines[c['line'] - 1]
        if c.get('value') is None:
            continue
        want = c.get('raw', None)
        v = c['value']
        s = want.split('（')[0] if want else (str(int(v)) if float(v).is_integer() else str(v))
        toks = re.findall(r'[+-]?\d+(?:\.\d+)?', text.replace(',', ''))
        if s not in toks and s.lstrip('+') not in [t.lstrip('+') for t in toks]:
            problems.append(f'{name}: {cid} = {v} not printed on line {c["line"]}: {text.strip()[:60]!r}')
    for s in d.get('sections', []):
        if lines[s['line'] - 1].strip() != s['text']:
            problems.append(f'{name}: section line {s["line"]} text differs')


def check_pre2019(name, c):
    def eq(label, total, parts):
        if val(c, total)[0]:
            t, p = num(c, total), sum(num(c, x) for x in parts)
            if t != p:
                findings.append(f'{name}: {label} {total}={t} but parts sum to {p}')
    eq('A1', 'requests.received', ['requests.received.' + x for x in ['in_person', 'fax', 'online', 'letter']])
    eq('A2', 'requests.completed', ['requests.completed.on_time', 'requests.completed.extended'])
    eq('A3', 'requests.replies', ['requests.replies.' + x for x in
        ['already_public', 'granted', 'partial', 'refused', 'not_this_agency', 'not_exist', 'amend', 'other_channel']])
    eq('A4', 'review.total', ['review.upheld', 'review.corrected', 'review.other'])
    eq('A5', 'litigation.total', ['litigation.upheld', 'litigation.corrected', 'litigation.other'])
    eq('A6', 'org.staff', ['org.staff.full_time', 'org.staff.part_time'])
    for a, b in [('active.normative_docs_published', 'active.total'),
                 ('response.press_conf_leaders', 'response.press_conf'),
                 ('response.web_interviews_leaders', 'response.web_interviews')]:
        if num(c, a) > num(c, b):
            findings.append(f'{name}: A7 {a}={num(c, a)} > {b}={num(c, b)}')
    ref = sum(num(c, 'requests.replies.refused.' + x) for x in
              ['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'])
    if ref != num(c, 'requests.replies.refused'):
        findings.append(f'{name}: A8 refused {num(c, "requests.replies.refused")} vs sum of reasons {ref}')
    tot = num(c, 'active.total')
    ch = ['active.channels.' + x for x in ['gazette', 'website', 'weibo', 'wechat', 'other']]
    for x in ch:
        if num(c, x) > tot:
            findings.append(f'{name}: W-A1 {x}={num(c, x)} > active.total={tot}')
    s = sum(num(c, x) for x in ch)
    print(f'  {name}: channels sum {s} vs active.total {tot}' + ('' if s >= tot else '  <-- W-A1 sum below total'))
    if s < tot:
        findings.append(f'{name}: W-A1 channel sum {s} < active.total {tot}')
    p, i = num(c, 'active.normative_docs_published'), num(c, 'active.normative_docs_issued')
    if p != i:
        findings.append(f'{name}: W-A2 normative docs published {p} vs issued {i} (info if >)')
    if num(c, 'requests.completed') > num(c, 'requests.received'):
        findings.append(f'{name}: W-A3 completed > received')
    if num(c, 'requests.replies') != num(c, 'requests.completed'):
        findings.append(f'{name}: W-A4 replies != completed')


def check_grid(name, c, schema):
    results = ['result.granted', 'result.partial'] + ['result.withheld.' + x for x in WITHHELD] + \
              ['result.unable.' + x for x in UNABLE] + ['result.not_processed.' + x for x in NOTPROC]
    results += ['result.other'] if schema == '2019' else ['result.other.' + x for x in OTHER21]
    rows = ['requests.new', 'requests.carried_over'] + results + ['result.total', 'requests.carry_forward']
    for r in rows:                                   # B1
        present, t = val(c, f'{r}[total]')
        parts = sum(num(c, f'{r}[{x}]') for x in APPL[:-1])
        if present and t is None:
            if parts:
                findings.append(f'{name}: B1 {r}[total] blank, parts sum to {parts} (info: total not filled)')
        elif present and t != parts:
            findings.append(f'{name}: B1 {r}[total]={t} but columns sum to {parts}')
    for col in APPL:                                 # B2/C2, B3
        present, t = val(c, f'result.total[{col}]')
        s = sum(num(c, f'{r}[{col}]') for r in results)
        if present and t is None:
            if s:
                findings.append(f'{name}: B2 result.total[{col}] blank, results sum to {s}')
        elif present and t != s:
            findings.append(f'{name}: {"C2" if schema == "2021" else "B2"} result.total[{col}]={t} but results sum to {s}')
        present_cf, cf = val(c, f'requests.carry_forward[{col}]')
        lhs = num(c, f'requests.new[{col}]') + num(c, f'requests.carried_over[{col}]')
        rt = t if t is not None else s
        if cf is None and present_cf:
            if lhs != rt:
                findings.append(f'{name}: B3 [{col}] carry_forward blank; new+carried {lhs} vs result.total {rt}')
            elif col == 'total':
                findings.append(f'{name}: B3 [{col}] carry_forward[total] blank (info); new+carried {lhs} = result.total {rt} + ?')
        elif lhs != rt + (cf or 0):
            findings.append(f'{name}: B3 [{col}] new+carried={lhs} != result.total+carry_forward={rt}+{cf or 0}')
    for r in ['review', 'litigation.direct', 'litigation.after_review']:   # B4
        if val(c, f'{r}[total]')[0]:
            t = num(c, f'{r}[total]')
            s = sum(num(c, f'{r}[{x}]') for x in OUTC[:-1])
            if t != s:
                findings.append(f'{name}: B4 {r}[total]={t} but parts sum to {s}')
        else:
            findings.append(f'{name}: review/litigation table absent ({r})')
    if schema == '2019':
        for r in ['art20_1.regulations', 'art20_1.normative_docs']:
            m, pn, pt = (num(c, f'{r}[{x}]') for x in ['made_new', 'published_new', 'published_total'])
            if pn > pt or m > pt:
                findings.append(f'{name}: W-B1 {r}')
            if pn < m:
                findings.append(f'{name}: W-B2 {r} published_new {pn} < made_new {m}')
        for r in ['art20_5.licensing', 'art20_5.other_services', 'art20_6.penalty', 'art20_6.coercion', 'art20_8.admin_fees']:
            if num(c, f'{r}[prev_items]') + num(c, f'{r}[change]') < 0:
                findings.append(f'{name}: W-B3 {r}')
    else:
        for r in ['art20_1.regulations', 'art20_1.normative_docs']:
            i, rp, f = (val(c, f'{r}[{x}]')[1] for x in ['issued', 'repealed', 'in_force'])
            if None in (i, rp, f):
                findings.append(f'{name}: W-C1 {r} not checkable (cell missing: {i}, {rp}, {f})')
            elif i > f + rp:
                findings.append(f'{name}: W-C1 {r} issued {i} > in_force {f} + repealed {rp}')


# ---- key figures from EXPECTED.md / INDEX.md, typed by hand
KEY = {
    '002_e99a8cc1a0651ffc': {'active.total': 803, 'active.normative_docs_published': 1, 'active.normative_docs_issued': 0,
        'active.channels.gazette': 0, 'active.channels.website': 793, 'active.channels.weibo': 10,
        'active.channels.wechat': 10, 'active.channels.other': 160, 'requests.received': 0, 'review.total': 0,
        'litigation.total': 0, 'complaints.total': 0, 'org.reading_points': 3, 'org.staff': 3,
        'org.staff.full_time': 0, 'org.staff.part_time': 3, 'training.meetings': 8, 'training.classes': 3,
        'training.attendees': 200},
    '003_1a63cabe0a2d3b9a': {'active.total': 20160, 'active.normative_docs_published': 49, 'active.normative_docs_issued': 49,
        'active.channels.gazette': 98, 'active.channels.website': 12760, 'active.channels.weibo': 1767,
        'active.channels.wechat': 4814, 'active.channels.other': 923, 'response.hot_topics': 16,
        'response.press_conf': 2, 'response.press_conf_leaders': 2, 'response.web_interviews': 0,
        'response.web_interviews_leaders': 0, 'response.interpretations': 18, 'response.weibo_wechat': 136,
        'response.other': 18, 'requests.received': 224, 'requests.received.in_person': 18,
        'requests.received.fax': 0, 'requests.received.online': 131, 'requests.received.letter': 75,
        'requests.completed': 224, 'requests.completed.on_time': 220, 'requests.completed.extended': 4,
        'requests.replies': 224, 'requests.replies.already_public': 23, 'requests.replies.granted': 29,
        'requests.replies.partial': 8, 'requests.replies.refused': 59, 'requests.replies.not_this_agency': 23,
        'requests.replies.not_exist': 74, 'requests.replies.amend': 1, 'requests.replies.other_channel': 7,
        'requests.replies.refused.state_secret': 2, 'requests.replies.refused.commercial_secret': 1,
        'requests.replies.refused.privacy': 0, 'requests.replies.refused.security_stability': 0,
        'requests.replies.refused.not_gov_info': 33, 'requests.replies.refused.other_law': 23,
        'review.total': 10, 'review.upheld': 5, 'review.corrected': 1, 'review.other': 4,
        'litigation.total': 5, 'litigation.upheld': 5, 'litigation.corrected': 0, 'litigation.other': 0,
        'complaints.total': 0, 'fees.total': 0, 'org.dedicated_units': 49, 'org.reading_points': 9,
        'org.staff': 101, 'org.staff.full_time': 1, 'org.staff.part_time': 100, 'org.budget': 5,
        'training.meetings': 12, 'training.classes': 1, 'training.attendees': 101},
    '004_4624beab2357406a': {'art20_1.normative_docs[made_new]': 2, 'art20_1.normative_docs[published_new]': 2,
        'art20_1.normative_docs[published_total]': 4, 'art20_5.licensing[prev_items]': 0,
        'art20_5.licensing[change]': 5869, 'art20_5.licensing[decisions]': 5869,
        'art20_5.other_services[prev_items]': 0, 'art20_5.other_services[change]': 21,
        'art20_5.other_services[decisions]': 5177, 'art20_6.penalty[prev_items]': 979,
        'art20_6.penalty[change]': 2128, 'art20_6.penalty[decisions]': 3107, 'art20_6.coercion[decisions]': 0,
        'art20_8.admin_fees[prev_items]': 0, 'art20_8.admin_fees[change]': 0,
        'art20_9.central_procurement[projects]': 0, 'art20_9.central_procurement[amount]': 0,
        'requests.new[natural_person]': 2, 'result.granted[natural_person]': 1, 'result.partial[natural_person]': 1,
        'requests.new[total]': 2, 'requests.carried_over[total]': 0, 'result.granted[total]': 1,
        'result.partial[total]': 1, 'requests.carry_forward[total]': 0, 'result.total[total]': None},
    'huaian_city_2024': dict([(f'result.total[{c}]', v) for c, v in zip(APPL, [2932, 53, 0, 0, 61, 4, 3050])] +
        [('requests.new[total]', 3119), ('requests.carried_over[total]', 34), ('requests.carry_forward[total]', 103),
         ('review[upheld]', 72), ('review[corrected]', 64), ('review[other]', 178), ('review[pending]', 37),
         ('review[total]', 351), ('litigation.direct[total]', 26), ('litigation.after_review[total]', 20),
         ('litigation.direct[upheld]', 13), ('litigation.direct[corrected]', 4), ('litigation.direct[other]', 8),
         ('litigation.direct[pending]', 1), ('litigation.after_review[upheld]', 12),
         ('litigation.after_review[corrected]', 1), ('litigation.after_review[other]', 1),
         ('litigation.after_review[pending]', 6)]),
    'shanghai_stcsm_2024': {'requests.new[total]': 34, 'requests.carried_over[total]': 2, 'result.total[total]': 35,
        'requests.carry_forward[natural_person]': 1, 'requests.carry_forward[total]': None},
    'shanghai_govoffice_2025': {'requests.new[total]': 1295, 'requests.carried_over[total]': 189,
        'result.total[total]': 1191, 'requests.carry_forward[total]': 293, 'requests.new[natural_person]': 1259,
        'requests.carried_over[natural_person]': 170, 'result.total[natural_person]': 1139,
        'requests.carry_forward[natural_person]': 290, 'review[upheld]': 40, 'review[corrected]': 0,
        'review[other]': 10, 'review[pending]': 5, 'review[total]': 55, 'litigation.direct[upheld]': 2,
        'litigation.direct[corrected]': 0, 'litigation.direct[other]': 4, 'litigation.direct[pending]': 6,
        'litigation.direct[total]': 12, 'litigation.after_review[upheld]': 6, 'litigation.after_review[corrected]': 0,
        'litigation.after_review[other]': 9, 'litigation.after_review[pending]': 7, 'litigation.after_review[total]': 22},
}
# narrative group figures (stcsm line 44-46, govoffice line 39-43): granted+partial, withheld, unable, not_processed, other
NARR = {'shanghai_stcsm_2024': (9, 0, 2, 10, 0, 14), 'shanghai_govoffice_2025': (208, None, 20, 564, 80, 319)}


def groups(c, col='total'):
    g = lambda p, xs: sum(num(c, f'{p}.{x}[{col}]') for x in xs)
    return (num(c, f'result.granted[{col}]'), num(c, f'result.partial[{col}]'), g('result.withheld', WITHHELD),
            g('result.unable', UNABLE), g('result.not_processed', NOTPROC), g('result.other', OTHER21))


def main():
    data = {}
    for path in sorted(glob.glob(os.path.join(HERE, 'extraction', '*.expected.json'))) + \
                sorted(glob.glob(os.path.join(HERE, 'examples', '*.json'))):
        name = os.path.relpath(path, HERE)
        d = json.load(open(path, encoding='utf-8'))
        data[name] = d
        print(f'{name}: schema {d["schema"]}, {len(d["cells"])} cells')
        if name.startswith('extraction'):
            check_lines(name, d)
        (check_pre2019 if d['schema'] == 'pre2019' else lambda n, c: check_grid(n, c, d['schema']))(name, d['cells'])
        stem = os.path.basename(path).replace('.expected.json', '')
        for cid, want in KEY.get(stem, {}).items():
            present, got = val(d['cells'], cid)
            if not present or got != want:
                problems.append(f'{name}: {cid} = {got} (present={present}), EXPECTED/INDEX says {want}')
        if stem in NARR:
            gr = groups(d['cells'])
            n = NARR[stem]
            mine = (gr[0], gr[1], gr[2], gr[3], gr[4], gr[5]) if n[1] is not None else (gr[0] + gr[1], None, *gr[2:])
            if tuple(mine) != n:
                problems.append(f'{name}: narrative groups {n} vs table {mine}')
    for ex, stem in [('seed-002-jiangbei-2017', '002_e99a8cc1a0651ffc'), ('seed-003-tongxiang-2017', '003_1a63cabe0a2d3b9a'),
                     ('seed-004-tongxiang-enforcement-2020', '004_4624beab2357406a')]:
        a = data[f'examples/{ex}.json']['cells']
        b = data[f'extraction/{stem}.expected.json']['cells']
        if set(a) != set(b):
            problems.append(f'{ex}: cell sets differ from extraction: {set(a) ^ set(b)}')
        for k in a:
            if val(a, k) != val(b, k):
                problems.append(f'{ex}: {k} {a[k]} vs extraction {b[k]}')
    print('\nIdentity findings (real data may legitimately fail):')
    for f in findings:
        print('  ' + f)
    print('\nData problems:' if problems else '\nData problems: none')
    for p in problems:
        print('  ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
