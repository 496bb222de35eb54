//! The chart's colours: the series' palette and the frame's light and dark
//! themes.

use plotters::style::RGBColor;

/// Okabe & Ito (2008), ordered so the first colours contrast most on white.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
];

/// Colours of the chart's frame, so a dark page gets a dark chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    /// The lines of places out of focus.
    pub muted: RGBColor,
    /// Whether the drawing fills its background; a page with colours of
    /// its own may ask for none (`background=transparent`).
    pub opaque: bool,
}

impl Theme {
    /// The dark theme when `dark`, else the light one.
    pub fn of(dark: bool) -> Theme {
        if dark { Theme::DARK } else { Theme::LIGHT }
    }

    /// The same colours without a background of its own.
    pub fn transparent(self) -> Theme {
        Theme {
            opaque: false,
            ..self
        }
    }

    /// Fills `area` with the background, unless transparent.
    pub(super) fn fill<DB: plotters::prelude::DrawingBackend>(
        &self,
        area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    ) -> Result<(), plotters::prelude::DrawingAreaErrorKind<DB::ErrorType>> {
        match self.opaque {
            true => area.fill(&self.background),
            false => Ok(()),
        }
    }

    pub const LIGHT: Theme = Theme {
        background: RGBColor(0xFF, 0xFF, 0xFF),
        text: RGBColor(0x1A, 0x1A, 0x1A),
        grid: RGBColor(0xDD, 0xDD, 0xDD),
        muted: RGBColor(0xAD, 0xAD, 0xAD),
        opaque: true,
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(0x12, 0x12, 0x12),
        text: RGBColor(0xEE, 0xEE, 0xEE),
        grid: RGBColor(0x44, 0x44, 0x44),
        muted: RGBColor(0x6E, 0x6E, 0x6E),
        opaque: true,
    };

    /// The colour of the `index`th series: the palette, with its black
    /// turned to the text colour on a dark background.
    pub fn colour(&self, index: usize) -> RGBColor {
        match PALETTE[index % PALETTE.len()] {
            RGBColor(0, 0, 0) => self.text,
            colour => colour,
        }
    }
}
