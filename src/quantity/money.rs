//! The currencies, as data: ISO code, names, signs and minor units of every currency news copy prices in.
//!
//! `names` match in any case and follow the number ("5 dollars", "100 chinese yuan", "35 lakh rupees"); `signs`
//! match in the case written and stand before or after it ("$5", "US$ 5", "10 €", "Rs 500", "₹2 crore"); the code
//! itself stands either side, glued or not ("USD 200", "115USD", "20 usd"), unless it is also an English word
//! ("TRY"), when only upper case is money. A bare name takes the currency news most often means by it ("dollars"
//! are US dollars, "pounds" sterling, "francs" Swiss, "cents" US cents unless the sentence is in euros). Minor units
//! are units of their own ("470 pence" is 470 `GBP_penny`) that convert to the major one, so "50p" meets "£0.50".

use std::sync::OnceLock;

use super::spell::{Case, Index, Match};
use super::unit::{Dimension, UnitDef};

/// A minor unit: a fraction of its currency.
#[derive(Debug)]
pub(crate) struct Minor {
    pub def: UnitDef,
    pub names: &'static [&'static str],
    /// Glued to the number only: "50p", "17c".
    pub tight: &'static [&'static str],
}

/// One currency.
#[derive(Debug)]
pub(crate) struct Currency {
    pub def: UnitDef,
    pub names: &'static [&'static str],
    pub signs: &'static [&'static str],
    pub minor: &'static [Minor],
}

const fn major(code: &'static str) -> UnitDef {
    UnitDef::new(code, Dimension::Money, code, 1.0)
}

const fn minor(
    name: &'static str,
    code: &'static str,
    factor: f64,
    names: &'static [&'static str],
    tight: &'static [&'static str],
) -> Minor {
    Minor {
        def: UnitDef::new(name, Dimension::Money, code, factor),
        names,
        tight,
    }
}

const fn cur(
    code: &'static str,
    names: &'static [&'static str],
    signs: &'static [&'static str],
    minor: &'static [Minor],
) -> Currency {
    Currency {
        def: major(code),
        names,
        signs,
        minor,
    }
}

/// A cent of a currency whose cents are only named with it ("euro cents"): a bare "cents" is US cents.
const fn cent(name: &'static str, code: &'static str, names: &'static [&'static str]) -> Minor {
    minor(name, code, 0.01, names, &[])
}

#[rustfmt::skip]
pub(crate) static CURRENCIES: &[Currency] = &[
    cur("USD", &["dollar", "dollars", "us dollar", "us dollars", "american dollars", "buck", "bucks"],
        &["$", "US$", "USD$"], &[minor("USD_cent", "USD", 0.01, &["cent", "cents", "¢"], &["c"])]),
    cur("EUR", &["euro", "euros"], &["€", "EUR€"], &[cent("EUR_cent", "EUR", &["euro cent", "euro cents"])]),
    cur("GBP", &["sterling", "pounds sterling", "pound sterling", "quid", "british pound", "british pounds"], &["£", "GBP£"],
        &[minor("GBP_penny", "GBP", 0.01, &["penny", "pence", "pennies"], &["p"])]),
    cur("JPY", &["yen", "japanese yen", "yens"], &["¥", "JP¥", "円"], &[minor("JPY_sen", "JPY", 0.01, &["sen"], &[])]),
    cur("CNY", &["yuan", "renminbi", "chinese yuan", "kuai", "rmb"], &["元", "CN¥", "RMB"],
        &[minor("CNY_jiao", "CNY", 0.1, &["jiao", "mao"], &[]), minor("CNY_fen", "CNY", 0.01, &["fen"], &[])]),
    cur("INR", &["rupee", "rupees", "indian rupee", "indian rupees"], &["₹", "Rs", "INR₹"],
        &[minor("INR_paisa", "INR", 0.01, &["paisa", "paise"], &[])]),
    cur("PKR", &["pakistani rupee", "pakistani rupees"], &[], &[]),
    cur("CAD", &["canadian dollar", "canadian dollars"], &["C$", "CA$", "CAD$", "Can$", "c$"], &[cent("CAD_cent", "CAD", &["canadian cents"])]),
    cur("AUD", &["australian dollar", "australian dollars"], &["A$", "AU$", "AUD$"], &[cent("AUD_cent", "AUD", &["australian cents"])]),
    cur("NZD", &["new zealand dollar", "new zealand dollars"], &["NZ$", "NZD$"], &[]),
    cur("HKD", &["hong kong dollar", "hong kong dollars"], &["HK$", "HKD$"], &[]),
    cur("SGD", &["singapore dollar", "singapore dollars"], &["S$", "SGD$"], &[]),
    cur("TWD", &["taiwan dollar", "taiwan dollars", "new taiwan dollar", "new taiwan dollars"], &["NT$"], &[]),
    cur("MXN", &["mexican peso", "mexican pesos", "peso", "pesos"], &["Mex$", "MX$", "MXN$", "mxn$", "mex$"], &[]),
    cur("ARS", &["argentine peso", "argentine pesos", "argentinian pesos"], &[], &[]),
    cur("CLP", &["chilean peso", "chilean pesos"], &[], &[]),
    cur("COP", &["colombian peso", "colombian pesos"], &[], &[]),
    cur("PHP", &["philippine peso", "philippine pesos"], &["₱"], &[]),
    cur("BRL", &["reais", "brazilian real", "brazilian reais"], &["R$"], &[]),
    cur("CHF", &["franc", "francs", "swiss franc", "swiss francs"], &["SFr"], &[]),
    cur("XOF", &["cfa franc", "cfa francs"], &[], &[]),
    cur("SEK", &["krona", "kronor", "swedish krona", "swedish kronor"], &[], &[]),
    cur("NOK", &["norwegian krone", "norwegian kroner"], &[], &[]),
    cur("DKK", &["krone", "kroner", "danish krone", "danish kroner"], &[], &[]),
    cur("RUB", &["rouble", "roubles", "ruble", "rubles", "russian rouble", "russian roubles", "russian ruble", "russian rubles"], &["₽"],
        &[minor("RUB_kopeck", "RUB", 0.01, &["kopeck", "kopecks", "kopek", "kopeks"], &[])]),
    cur("UAH", &["hryvnia", "hryvnias", "hryvnya"], &["₴"], &[]),
    cur("PLN", &["zloty", "zlotys", "złoty", "złotys", "zlotych", "złotych"], &["zł"], &[]),
    cur("CZK", &["koruna", "korunas", "czech koruna", "czech crowns"], &["Kč"], &[]),
    cur("HUF", &["forint", "forints"], &["Ft"], &[]),
    cur("RON", &["leu", "lei", "romanian lei"], &[], &[]),
    cur("TRY", &["lira", "liras", "lire", "turkish lira", "turkish liras"], &["₺", "TL"], &[]),
    cur("KRW", &["korean won", "south korean won"], &["₩"], &[]),
    cur("ZAR", &["rand", "rands", "south african rand"], &[], &[]),
    cur("NGN", &["naira", "nigerian naira"], &["₦"], &[]),
    cur("GHS", &["cedi", "cedis", "ghanaian cedi"], &["GH₵", "₵"], &[]),
    cur("KES", &["shilling", "shillings", "kenyan shilling", "kenyan shillings"], &["KSh", "Ksh"], &[]),
    cur("EGP", &["egyptian pound", "egyptian pounds"], &["E£"], &[]),
    cur("ILS", &["shekel", "shekels", "new shekel", "new shekels"], &["₪", "NIS"], &[]),
    cur("SAR", &["riyal", "riyals", "saudi riyal", "saudi riyals"], &[], &[]),
    cur("AED", &["dirham", "dirhams", "uae dirham", "uae dirhams"], &[], &[]),
    cur("IDR", &["rupiah", "indonesian rupiah"], &["Rp"], &[]),
    cur("MYR", &["ringgit", "malaysian ringgit"], &["RM"], &[]),
    cur("THB", &["baht", "thai baht"], &["฿"], &[]),
    cur("VND", &["dong", "vietnamese dong"], &["₫"], &[]),
    cur("BDT", &["taka", "bangladeshi taka"], &["৳"], &[]),
    cur("CRC", &["colón", "colones", "costa rican colón"], &["₡"], &[]),
    cur("LAK", &["kip", "lao kip"], &["₭"], &[]),
    cur("BTC", &["bitcoin", "bitcoins"], &["₿"], &[minor("BTC_satoshi", "BTC", 1e-8, &["satoshi", "satoshis", "sats"], &[])]),
    cur("ETH", &["ether", "ethereum"], &[], &[]),
    cur("GRD", &["drachma", "drachmas", "drachmae"], &[], &[]),
    cur("DEM", &["deutsche mark", "deutsche marks", "deutschmark", "deutschmarks"], &[], &[]),
    cur("FRF", &["french franc", "french francs"], &[], &[]),
];

/// Codes that are English words too: only upper case reads as money ("10 TRY", not "try 10").
const CODES_THAT_ARE_WORDS: &[&str] = &["TRY"];

/// Letters written before the number and its sign that scale it ("MEUR 120", "kUSD", "MAUD 60").
pub(crate) const CODE_SCALES: &[(&str, f64)] =
    &[("k", 1e3), ("K", 1e3), ("M", 1e6), ("m", 1e6), ("bn", 1e9), ("B", 1e9)];

/// What a money spelling names.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Hit {
    /// A currency by one of its names or its code.
    Name(&'static Currency),
    /// A currency by one of its signs.
    Sign(&'static Currency),
    Minor(&'static Currency, &'static Minor),
}

impl Hit {
    pub(crate) fn def(self) -> &'static UnitDef {
        match self {
            Hit::Name(c) | Hit::Sign(c) => &c.def,
            Hit::Minor(_, m) => &m.def,
        }
    }

    #[cfg(test)]
    pub(crate) fn currency(self) -> &'static Currency {
        match self {
            Hit::Name(c) | Hit::Sign(c) | Hit::Minor(c, _) => c,
        }
    }
}

fn index() -> &'static Index<Hit> {
    static INDEX: OnceLock<Index<Hit>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index::new();
        for c in CURRENCIES {
            let case = if CODES_THAT_ARE_WORDS.contains(&c.def.name) {
                Case::Exact
            } else {
                Case::Any
            };
            ix.add(c.def.name, case, false, Hit::Name(c));
            for n in c.names {
                ix.add(n, Case::Any, false, Hit::Name(c));
            }
            for s in c.signs {
                ix.add(s, Case::Exact, false, Hit::Sign(c));
            }
            for m in c.minor {
                for n in m.names {
                    ix.add(n, Case::Any, false, Hit::Minor(c, m));
                }
                for t in m.tight {
                    ix.add(t, Case::Exact, true, Hit::Minor(c, m));
                }
            }
        }
        ix
    })
}

/// The money spelling at token `k`.
pub(crate) fn at(text: &str, toks: &[super::lexer::Token], k: usize) -> Option<Match<Hit>> {
    index().at(text, toks, k)
}

/// Signs of one character, which may start a figure.
const SIGN_CHARS: &[char] = &[
    '$', '£', '€', '¥', '₹', '₩', '₽', '₺', '₦', '₱', '₪', '₫', '₴', '₿', '₡', '₭', '₵', '¢',
];

/// A one-character currency sign ("$", "₹").
pub(crate) fn is_sign_char(c: char) -> bool {
    SIGN_CHARS.contains(&c)
}

/// The leading letters of every currency spelling that may stand before a number ("US" of "US$", "Rs", "USD",
/// "dollar"): words the figure parser may start at.
pub(crate) fn leading_words() -> Vec<String> {
    let lead = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase()
    };
    let mut out: Vec<String> = CURRENCIES
        .iter()
        .flat_map(|c| c.names.iter().chain(c.signs).copied().chain([c.def.name]))
        .map(lead)
        .filter(|w| !w.is_empty())
        .collect();
    out.extend(CODE_SCALES.iter().flat_map(|(p, _)| {
        CURRENCIES
            .iter()
            .map(move |c| format!("{p}{}", c.def.name).to_lowercase())
    }));
    out.sort_unstable();
    out.dedup();
    out
}

/// The currency a unit of money belongs to (its own, for a minor unit).
pub(crate) fn currencies_of(def: &UnitDef) -> Option<&'static Currency> {
    CURRENCIES.iter().find(|c| c.def.name == def.base)
}

/// The currency with this ISO code.
pub(crate) fn by_code(code: &str) -> Option<&'static Currency> {
    CURRENCIES.iter().find(|c| c.def.name == code)
}

/// The minor unit called a cent of `currency`, if it has one.
pub(crate) fn cent_of(currency: &'static Currency) -> Option<&'static Minor> {
    currency.minor.iter().find(|m| m.def.name.ends_with("_cent"))
}

/// The row of a unit of money by its canonical name.
pub(crate) fn named(name: &str) -> Option<&'static UnitDef> {
    CURRENCIES.iter().find_map(|c| {
        if c.def.name == name {
            return Some(&c.def);
        }
        c.minor.iter().find(|m| m.def.name == name).map(|m| &m.def)
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tokenize;
    use super::*;

    #[test]
    fn every_name_sign_and_code_reads_as_its_currency() {
        for c in CURRENCIES {
            let spellings = c.names.iter().chain(c.signs).copied().chain([c.def.name]);
            for s in spellings {
                let text = format!("7 {s} left");
                let toks = tokenize(&text, None);
                let got = at(&text, &toks, 1).map(|m| m.value.currency().def.name);
                assert_eq!(got, Some(c.def.name), "{s:?}");
            }
            for m in c.minor {
                for s in m.names.iter().chain(m.tight) {
                    let text = format!("7{s} left");
                    let toks = tokenize(&text, None);
                    let got = at(&text, &toks, 1).map(|h| h.value.def().name);
                    assert_eq!(got, Some(m.def.name), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn minor_units_convert_to_their_currency() {
        let penny = named("GBP_penny").map(|d| (d.base, d.factor));
        assert_eq!(penny, Some(("GBP", 0.01)));
        let fen = named("CNY_fen").map(|d| (d.base, d.factor));
        assert_eq!(fen, Some(("CNY", 0.01)));
    }

    #[test]
    fn a_code_that_is_a_word_is_money_only_in_capitals() {
        let text = "10 TRY or try 10";
        let toks = tokenize(text, None);
        assert!(at(text, &toks, 1).is_some());
        assert!(at(text, &toks, 3).is_none());
    }
}
