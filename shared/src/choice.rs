//! Values that are one of a few words (a panel, a frequency, a note's
//! kind): the enum, the words as URLs and the JSON write them, in one
//! macro. At the bottom of the crate, beside `lang`, so that the wire types
//! and the query vocabulary both use it without importing each other.

/// A value that is one of a few words, for code written once for all of
/// them (a query parameter's message names the words it may be).
pub trait Choice: Copy + 'static {
    /// Every value, in order.
    const ALL: &'static [Self];

    /// The word for the value, as URLs and the JSON write it.
    fn word(self) -> &'static str;
}

/// Declares a [`Choice`]: the enum with its serde names (and, on the
/// server, its OpenAPI schema), `ALL` in order, `as_str` and `parse`.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|value| value.as_str() == text)
            }
        }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn word(self) -> &'static str {
                self.as_str()
            }
        }
    };
}
pub(crate) use choice;
