//! TEMPORARY stub until the quantity engine lands.
#[derive(Debug, Clone, Default)]
pub struct Context { pub published: Option<chrono::NaiveDate> }
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity { pub text: String, pub start: usize, pub end: usize, pub value: f64, pub unit: String }
pub fn extract(_t: &str, _c: &Context) -> Vec<Quantity> { Vec::new() }
pub struct Pairing { pub claim: usize, pub source: Option<usize>, pub agree: bool }
pub fn pair(c: &[Quantity], _s: &[Quantity]) -> Vec<Pairing> { (0..c.len()).map(|i| Pairing { claim: i, source: None, agree: false }).collect() }
