-- wrk: every request a different view among the dashboard's common ones,
-- the catalog, charts and embeds (no rate-limited endpoint).
local paths = {
  "/api/v1/catalog",
  "/api/v1/series?indicator=glotip.victims&region=019,150&from=2010&to=2022",
  "/api/v1/series?indicator=glotip.victims&region=002,019,142,150,009",
  "/api/v1/series?indicator=sesnsp.trata.victims&region=MX-CHH,MX-BCN&by=sex",
  "/api/v1/series?indicator=sesnsp.trata.victims&region=MEX&per=100k",
  "/api/v1/series?indicator=usbp.encounters&region=BP-RGV,BP-TCA&period=month&from=2020&to=2024",
  "/api/v1/series?indicator=glotip.victims&region=001&panel=consistent&from=2012&to=2020",
  "/chart.svg?indicator=glotip.victims&region=USA,MEX",
  "/embed?indicator=hotline.cases&region=US-TX,US-CA&lang=es&theme=dark",
  "/api/v1/series?indicator=nope",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
