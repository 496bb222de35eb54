//! The breakdowns' names in both languages, shared by the sources that
//! publish them (`by=` takes the English name).

use super::{Words, words};

pub(crate) const SEX: Words = words("sex", "sexo");
pub(crate) const AGE: Words = words("age", "edad");
pub(crate) const FORM_OF_EXPLOITATION: Words =
    words("form of exploitation", "forma de explotación");
pub(crate) const CITIZENSHIP: Words = words("citizenship", "nacionalidad");
pub(crate) const COUNTRY_OF_REPATRIATION: Words =
    words("country of repatriation", "país de repatriación");
pub(crate) const FAMILY_STATUS: Words = words("family status", "situación familiar");
pub(crate) const BORDER_REGION: Words = words("border region", "región fronteriza");
pub(crate) const COMPONENT: Words = words("component", "componente");
pub(crate) const DEMOGRAPHIC: Words = words("demographic", "grupo demográfico");
pub(crate) const ENCOUNTER_TYPE: Words = words("encounter type", "tipo de encuentro");
pub(crate) const TITLE_OF_AUTHORITY: Words = words("title of authority", "fundamento legal");
pub(crate) const PERPETRATOR_RELATION: Words =
    words("perpetrator relation", "relación con el perpetrador");
pub(crate) const MODALITY: Words = words("modality", "modalidad");
pub(crate) const PERPETRATOR_ROLE: Words = words("perpetrator role", "papel del perpetrador");
