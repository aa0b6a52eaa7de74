//! The comparison learner: a linear-chain CRF trained by L-BFGS with `crfs` (the pure-Rust
//! port of CRFsuite), over exactly the perceptron's features (each hashed row one
//! attribute). `--learner crfs` in cross-validation.

use crate::perceptron::Example;
use bibgraph::refparse::learned::Label;
use crfs::train::Trainer;
use crfs::{Attribute, Model};

fn attributes(ex: &Example) -> Vec<Vec<Attribute>> {
    (0..ex.labels.len())
        .map(|i| {
            ex.rows[ex.offsets[i] as usize..ex.offsets[i + 1] as usize]
                .iter()
                .map(|r| Attribute::new(format!("{r:x}"), 1.0))
                .collect()
        })
        .collect()
}

/// A trained CRF, as crfs writes it.
pub struct Crf(Vec<u8>);

/// Trains on `examples` (L2 `c2`, at most `iterations` L-BFGS steps).
pub fn train(examples: &[&Example], iterations: usize, c2: f64) -> Crf {
    let mut trainer = Trainer::lbfgs();
    for ex in examples.iter().filter(|e| !e.labels.is_empty()) {
        let y: Vec<&str> = ex.labels.iter().map(|l| l.as_str()).collect();
        trainer.append(&attributes(ex), &y).expect("a training sequence");
    }
    trainer.params_mut().set_c1(0.0).expect("c1");
    trainer.params_mut().set_c2(c2).expect("c2");
    trainer.params_mut().set_max_iterations(iterations).expect("iterations");
    let path = std::env::temp_dir().join(format!("bibgraph-crfs-{}.crfsuite", std::process::id()));
    trainer.train(&path).expect("crfs trains");
    let bytes = std::fs::read(&path).expect("the crfs model");
    let _ = std::fs::remove_file(&path);
    Crf(bytes)
}

impl Crf {
    /// The labels of one sequence.
    pub fn labels(&self, ex: &Example) -> Vec<Label> {
        if ex.labels.is_empty() {
            return Vec::new();
        }
        let model = Model::new(&self.0).expect("the crfs model reads");
        let tagger = model.tagger().expect("a tagger");
        tagger.tag(&attributes(ex)).expect("tags").iter().map(|s| Label::from_name(s).unwrap_or(Label::Note)).collect()
    }
}
