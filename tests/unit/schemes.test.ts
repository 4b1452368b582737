import { describe, expect, it } from 'vitest';
import { ATTACK_KINDS, SCHEMES, schemeById } from '@/lib/domain/reasoning/schemes';

describe('the scheme catalogue', () => {
  it('has the common Walton schemes, each once by id and by name', () => {
    const ids = SCHEMES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = SCHEMES.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const id of [
      'expert-opinion',
      'analogy',
      'cause-to-effect',
      'positive-consequences',
      'negative-consequences',
      'sign',
      'example',
      'position-to-know',
      'popular-opinion',
      'precedent',
      'commitment',
      'correlation-to-cause',
      'verbal-classification',
      'practical-reasoning',
      'ad-hominem',
    ])
      expect(schemeById(id)?.id).toBe(id);
    expect(schemeById('no-such-scheme')).toBeUndefined();
  });

  it('gives every scheme a description, premises, a conclusion and at least two critical questions', () => {
    for (const scheme of SCHEMES) {
      expect(scheme.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(scheme.description.trim()).not.toBe('');
      expect(scheme.description).not.toContain('\n');
      expect(scheme.conclusion.trim()).not.toBe('');
      expect(scheme.premises.length).toBeGreaterThan(0);
      const roles = scheme.premises.map((p) => p.role);
      expect(new Set(roles).size, scheme.id).toBe(roles.length);
      for (const p of scheme.premises) expect(p.text.trim()).not.toBe('');
      expect(scheme.questions.length, scheme.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('says for every critical question which attack answers it, and which premise an undermine questions', () => {
    for (const scheme of SCHEMES) {
      const ids = scheme.questions.map((q) => q.id);
      expect(new Set(ids).size, scheme.id).toBe(ids.length);
      for (const q of scheme.questions) {
        expect(ATTACK_KINDS).toContain(q.attack);
        expect(q.question.trim().endsWith('?'), `${scheme.id}/${q.id}`).toBe(true);
        if (q.attack === 'undermine')
          expect(scheme.premises.map((p) => p.role)).toContain(q.premise);
        else expect(q.premise, `${scheme.id}/${q.id}`).toBeUndefined();
      }
    }
  });

  it('questions every premise of a scheme and the step to its conclusion', () => {
    for (const scheme of SCHEMES) {
      const questioned = new Set(scheme.questions.map((q) => q.premise));
      for (const p of scheme.premises)
        expect(questioned, `${scheme.id}: ${p.role}`).toContain(p.role);
      expect(
        scheme.questions.some((q) => q.attack !== 'undermine'),
        scheme.id,
      ).toBe(true);
    }
  });
});
