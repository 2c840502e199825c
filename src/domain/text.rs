//! Texts that may carry an English version, and the two languages Roundtable speaks.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The languages of the interface and of the minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Traditional Chinese, the language of record.
    #[default]
    ZhTw,
    /// English, for the bilingual minutes the rules require.
    En,
}

impl Lang {
    /// The other language: what the language key switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::ZhTw => Lang::En,
            Lang::En => Lang::ZhTw,
        }
    }
}

/// A text in the language of record, optionally with an English version.
///
/// In a session file a text without English is a plain string (`"議程"`), and one with
/// English is `(text: "議程", en: "Agenda")`, so a hand-edited file stays readable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub text: String,
    pub en: Option<String>,
}

impl Text {
    pub fn new(text: impl Into<String>) -> Text {
        Text {
            text: text.into(),
            en: None,
        }
    }

    pub fn bilingual(text: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            text: text.into(),
            en: Some(en.into()),
        }
    }

    /// A text typed in two fields: the English one may be left empty.
    pub fn typed(text: impl Into<String>, en: &str) -> Text {
        Text {
            text: text.into(),
            en: (!en.is_empty()).then(|| en.to_owned()),
        }
    }

    /// The text in `lang`, falling back to the language of record when there is no
    /// English version.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.text,
        }
    }

    /// The English version, if there is one.
    pub fn english(&self) -> Option<&str> {
        self.en.as_deref().filter(|en| !en.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::new(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::new(text)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.en {
            None => serializer.serialize_str(&self.text),
            Some(en) => {
                let mut s = serializer.serialize_struct("Text", 2)?;
                s.serialize_field("text", &self.text)?;
                s.serialize_field("en", en)?;
                s.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a string, or (text: "…", en: "…")"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new(v))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::new(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = None;
                let mut en = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value::<String>()?),
                        "en" => en = Some(map.next_value::<String>()?),
                        other => return Err(de::Error::unknown_field(other, &["text", "en"])),
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(Text { text, en })
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
