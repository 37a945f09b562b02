#!/usr/bin/env python3
"""Whose relation each evidence bullet quotes, against two blind readers.

Tests/Gold/bullets holds 221 evidence bullets (quote, document, subject) that Dossier printed at
the start of session 18 for held-out sets 1-10: every bullet of a counterpart other than NATO, and
NATO's in documents that have other counterparts. Two readers who saw neither the code nor
Dossier's labels named, for each quote, the parties it shows the subject dealing with
(reader-a.json, reader-b.json; [] for a relation between others, a caption, a place).

This script runs `dossier analyze` on the same documents, takes the same kinds of bullets, and
counts a bullet's counterpart right when a reader lists it for a quote that holds the bullet's
text (or is held by it). Bullets whose text no annotated quote holds are reported as unjudged.

usage: scripts/eval_bullets.py [--dossier PATH] [--config pipeline.yaml] [--verbose]
"""
import argparse
import collections
import json
import os
import subprocess

GOLD = 'Tests/Gold/bullets'
SAME = {'Türkiye': 'Turkey', 'UN': 'United Nations'}


def canonical(name):
    return SAME.get(name, name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dossier', default='.build/release/dossier')
    ap.add_argument('--config', default='pipeline.yaml')
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    items = json.load(open(f'{GOLD}/items.json'))
    readers = [{r['id']: {canonical(p) for p in r['parties']} for r in json.load(open(f'{GOLD}/{name}.json'))}
               for name in ('reader-a', 'reader-b')]
    by_file = collections.defaultdict(list)
    for item in items:
        by_file[item['file']].append(item)
    files = sorted(by_file)
    out = subprocess.run([args.dossier, 'analyze', '--config', args.config, '--format', 'json'] + files,
                         capture_output=True, text=True, check=True).stdout
    right = [0, 0]
    both = judged = unjudged = 0
    wrong = []
    for d in json.loads(out)['documents']:
        counterparts = {a['counterpart'] for a in d['areas']}
        seen = set()
        for area in d['areas']:
            if area['counterpart'] == 'NATO' and counterparts == {'NATO'}:
                continue
            for e in area['evidence']:
                key = (area['counterpart'], e['text'])
                if key in seen:
                    continue
                seen.add(key)
                match = [i for i in by_file[d['source']] if e['text'] in i['quote'] or i['quote'] in e['text']]
                if not match:
                    unjudged += 1
                    continue
                judged += 1
                says = [canonical(area['counterpart']) in r[match[0]['id']] for r in readers]
                right = [n + s for n, s in zip(right, says)]
                both += all(says)
                if not any(says):
                    wrong.append((os.path.basename(d['source']), area['counterpart'], e['text'][:100]))
    print(f'bullets judged {judged} (unjudged {unjudged}); counterpart right for reader A {right[0] / judged:.3f}, '
          f'B {right[1] / judged:.3f}, both {both / judged:.3f}; wrong for both {len(wrong)}')
    if args.verbose:
        for w in wrong:
            print('  ', *w)


if __name__ == '__main__':
    main()
