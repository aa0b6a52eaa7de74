//! The structured averaged perceptron (Collins 2002) over the library's features.

use bibgraph::refparse::learned::{features, row, rules_reading, tokenize, Label, Model};

/// One training or test sequence: the reference, its tokens' gold labels and feature rows.
pub struct Example {
    pub labels: Vec<Label>,
    pub rows: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl Example {
    /// An example from a text and the label of each token of `tokenize(text)`.
    pub fn new(text: String, labels: Vec<Label>, bits: u32, rules: bool) -> Example {
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), labels.len());
        let guess = rules.then(|| rules_reading(&text, &tokens));
        let f = features(&text, &tokens, guess.as_deref());
        let rows = f.ids.iter().map(|id| row(*id, bits) as u32).collect();
        Example { labels, rows, offsets: f.offsets }
    }
}

impl Example {
    /// The features of a text without labels (every token [`Label::Note`]), to be labelled.
    pub fn unlabelled(text: &str, bits: u32, rules: bool) -> Example {
        let n = tokenize(text).len();
        Example::new(text.to_string(), vec![Label::Note; n], bits, rules)
    }
}

/// splitmix64: the trainer's only source of randomness, seeded.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

const L: usize = Label::COUNT;

fn viterbi(w: &[f32], t: &[f32], ex: &Example, out: &mut Vec<usize>, e: &mut Vec<f32>) {
    let n = ex.labels.len();
    e.clear();
    e.resize(n * L, 0.0);
    for i in 0..n {
        for r in &ex.rows[ex.offsets[i] as usize..ex.offsets[i + 1] as usize] {
            let base = *r as usize * L;
            for (a, b) in e[i * L..(i + 1) * L].iter_mut().zip(&w[base..base + L]) {
                *a += b;
            }
        }
    }
    let mut score: Vec<f32> = (0..L).map(|y| t[y] + e[y]).collect();
    let mut next = vec![0f32; L];
    let mut back = vec![0u8; n * L];
    for i in 1..n {
        for y in 0..L {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for (p, s) in score.iter().enumerate() {
                let v = s + t[(p + 1) * L + y];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            next[y] = best + e[i * L + y];
            back[i * L + y] = arg as u8;
        }
        std::mem::swap(&mut score, &mut next);
    }
    out.clear();
    out.resize(n, 0);
    let mut y = (0..L).max_by(|a, b| score[*a].total_cmp(&score[*b])).unwrap_or(0);
    for i in (0..n).rev() {
        out[i] = y;
        y = back[i * L + y] as usize;
    }
}

/// Trains for `epochs` passes in a seeded order; returns the averaged model.
pub fn train(examples: &[&Example], bits: u32, epochs: usize, seed: u64, rules: bool) -> Weights {
    let size = (1usize << bits) * L;
    let (mut w, mut u) = (vec![0f32; size], vec![0f32; size]);
    let (mut t, mut ut) = (vec![0f32; (L + 1) * L], vec![0f32; (L + 1) * L]);
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed);
    let (mut pred, mut e) = (Vec::new(), Vec::new());
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        let mut total = 0usize;
        for &k in &order {
            let ex = examples[k];
            let n = ex.labels.len();
            if n == 0 {
                continue;
            }
            viterbi(&w, &t, ex, &mut pred, &mut e);
            total += n;
            for i in 0..n {
                let (g, p) = (ex.labels[i].index(), pred[i]);
                if g != p {
                    wrong += 1;
                    for r in &ex.rows[ex.offsets[i] as usize..ex.offsets[i + 1] as usize] {
                        let base = *r as usize * L;
                        w[base + g] += 1.0;
                        u[base + g] += c;
                        w[base + p] -= 1.0;
                        u[base + p] -= c;
                    }
                }
                let gp = if i == 0 { 0 } else { ex.labels[i - 1].index() + 1 };
                let pp = if i == 0 { 0 } else { pred[i - 1] + 1 };
                if gp != pp || g != p {
                    t[gp * L + g] += 1.0;
                    ut[gp * L + g] += c;
                    t[pp * L + p] -= 1.0;
                    ut[pp * L + p] -= c;
                }
            }
            c += 1.0;
        }
        eprintln!("  epoch {}: {:.4} of tokens wrong", epoch + 1, wrong as f64 / total.max(1) as f64);
    }
    for (a, b) in w.iter_mut().zip(&u) {
        *a -= b / c;
    }
    for (a, b) in t.iter_mut().zip(&ut) {
        *a -= b / c;
    }
    Weights { bits, rules, w, t }
}

/// Averaged weights, before quantisation.
pub struct Weights {
    pub bits: u32,
    pub rules: bool,
    pub w: Vec<f32>,
    pub t: Vec<f32>,
}

impl Weights {
    /// The model with every score divided by `temperature`: the same labels (Viterbi does
    /// not change under scaling), marginals as calibrated as the temperature makes them.
    pub fn model(&self, temperature: f32, info: String) -> Model {
        let w: Vec<f32> = self.w.iter().map(|x| x / temperature).collect();
        let t: Vec<f32> = self.t.iter().map(|x| x / temperature).collect();
        Model::from_weights(self.bits, &w, &t, info).expect("sizes match").with_rules_feature(self.rules)
    }

    /// The temperature (from a grid) that minimises the log loss of the chosen labels'
    /// scores as predictions of being right, on `examples` held out from training.
    pub fn calibrate(&self, examples: &[(String, Vec<Label>)]) -> f32 {
        let mut best = (f64::INFINITY, 1.0f32);
        for temperature in [0.5f32, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0] {
            let model = self.model(temperature, String::new());
            let mut loss = 0f64;
            let mut n = 0usize;
            for (text, gold) in examples {
                for (t, g) in bibgraph::refparse::learned::explain(text, &model).iter().zip(gold) {
                    let p = f64::from(t.tagged.score).clamp(1e-6, 1.0 - 1e-6);
                    loss -= if t.tagged.label == *g { p.ln() } else { (1.0 - p).ln() };
                    n += 1;
                }
            }
            let loss = loss / n.max(1) as f64;
            eprintln!("  temperature {temperature}: log loss {loss:.4}");
            if loss < best.0 {
                best = (loss, temperature);
            }
        }
        best.1
    }
}
