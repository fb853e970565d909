/**
 * A multiset of numbers with O(log n) insert, delete-one and rank queries: a treap over typed
 * arrays (no per-node objects, so no GC churn on a per-bar path). Priorities come from a fixed-seed
 * xorshift, so the shape, and therefore the timing, is reproducible.
 */
export class OrderStatisticTree {
  private key: Float64Array;
  private pri: Uint32Array;
  private left: Int32Array;
  private right: Int32Array;
  private size: Int32Array;
  private free: number[] = [];
  private next = 1; // node 0 is the null node
  private root = 0;
  private seed = 0x9e3779b9;

  constructor(capacity = 64) {
    const c = capacity + 1;
    this.key = new Float64Array(c);
    this.pri = new Uint32Array(c);
    this.left = new Int32Array(c);
    this.right = new Int32Array(c);
    this.size = new Int32Array(c);
  }

  get count(): number { return this.size[this.root]!; }

  insert(x: number): void {
    if (Number.isNaN(x)) throw new RangeError('cannot rank NaN');
    const node = this.alloc(x);
    this.root = this.insertAt(this.root, node);
  }

  /** Removes one occurrence of `x`; returns false when it is not present. */
  delete(x: number): boolean {
    const before = this.count;
    this.root = this.deleteAt(this.root, x);
    return this.count < before;
  }

  /** How many stored values are < x. */
  countLess(x: number): number {
    let t = this.root, c = 0;
    while (t !== 0) {
      if (this.key[t]! < x) { c += this.size[this.left[t]!]! + 1; t = this.right[t]!; } else t = this.left[t]!;
    }
    return c;
  }

  /** How many stored values are ≤ x. */
  countLessOrEqual(x: number): number {
    let t = this.root, c = 0;
    while (t !== 0) {
      if (this.key[t]! <= x) { c += this.size[this.left[t]!]! + 1; t = this.right[t]!; } else t = this.left[t]!;
    }
    return c;
  }

  private rand(): number {
    let s = this.seed;
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    this.seed = s;
    return s;
  }

  private alloc(x: number): number {
    let n = this.free.pop();
    if (n === undefined) {
      if (this.next >= this.key.length) this.grow();
      n = this.next++;
    }
    this.key[n] = x; this.pri[n] = this.rand(); this.left[n] = 0; this.right[n] = 0; this.size[n] = 1;
    return n;
  }

  private grow(): void {
    const c = this.key.length * 2;
    const g = <T extends Float64Array | Uint32Array | Int32Array>(a: T, make: new (n: number) => T): T => { const b = new make(c); b.set(a); return b; };
    this.key = g(this.key, Float64Array); this.pri = g(this.pri, Uint32Array);
    this.left = g(this.left, Int32Array); this.right = g(this.right, Int32Array); this.size = g(this.size, Int32Array);
  }

  private fix(t: number): void { this.size[t] = this.size[this.left[t]!]! + this.size[this.right[t]!]! + 1; }

  private rotateRight(t: number): number { const l = this.left[t]!; this.left[t] = this.right[l]!; this.right[l] = t; this.fix(t); this.fix(l); return l; }
  private rotateLeft(t: number): number { const r = this.right[t]!; this.right[t] = this.left[r]!; this.left[r] = t; this.fix(t); this.fix(r); return r; }

  private insertAt(t: number, node: number): number {
    if (t === 0) return node;
    if (this.key[node]! < this.key[t]!) {
      this.left[t] = this.insertAt(this.left[t]!, node);
      this.fix(t);
      return this.pri[this.left[t]!]! > this.pri[t]! ? this.rotateRight(t) : t;
    }
    this.right[t] = this.insertAt(this.right[t]!, node);
    this.fix(t);
    return this.pri[this.right[t]!]! > this.pri[t]! ? this.rotateLeft(t) : t;
  }

  private deleteAt(t: number, x: number): number {
    if (t === 0) return 0;
    const k = this.key[t]!;
    if (x < k) { this.left[t] = this.deleteAt(this.left[t]!, x); this.fix(t); return t; }
    if (x > k) { this.right[t] = this.deleteAt(this.right[t]!, x); this.fix(t); return t; }
    const l = this.left[t]!, r = this.right[t]!;
    if (l === 0 || r === 0) { this.free.push(t); return l === 0 ? r : l; }
    // rotate the higher-priority child up and keep deleting below it
    if (this.pri[l]! > this.pri[r]!) {
      const top = this.rotateRight(t);
      this.right[top] = this.deleteAt(this.right[top]!, x);
      this.fix(top);
      return top;
    }
    const top = this.rotateLeft(t);
    this.left[top] = this.deleteAt(this.left[top]!, x);
    this.fix(top);
    return top;
  }
}
