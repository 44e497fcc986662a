# Knapp-Hartung variants and prediction-interval types as metafor computes them (issue #16), for the pinned cases
# below: rma(..., test = "z" | "knha" | "adhoc") with predict(fit, pi.type = "default" | "t" | "riley").
# Run from the repository root after make_reference.R:  Rscript tests/data/metafor/make_intervals.R
# Writes tests/data/metafor/intervals.json (metafor 3.8-1; default control, so iterative estimators are compared
# with the engine's iteration="metafor").
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
cases_dir <- file.path("tests", "data", "metafor", "cases")
cases <- c("normand1999_orpington_SMD", "diag_gibson2002_RD", "normand1999_SMD", "diag_bcg_RR", "nielweise2007_OR")
num <- function(x) if (is.null(x) || length(x) == 0) NA else unname(x)
out <- list(generator = "tests/data/metafor/make_intervals.R",
            versions = list(R = R.version.string, metafor = packageDescription("metafor")$Version),
            cases = list())
for (case in cases) {
  dat <- read.csv(file.path(cases_dir, paste0(case, ".csv")))
  res <- list()
  for (method in c("EE", "DL", "REML", "PM")) {
    for (test in c("z", "knha", "adhoc")) {
      fit <- suppressWarnings(rma(yi, vi, data = dat, method = method, test = test))
      for (pi.type in c("default", "t", "riley")) {
        p <- predict(fit, pi.type = pi.type)
        res[[length(res) + 1]] <- list(method = method, test = test, pi_type = pi.type, estimate = num(coef(fit)),
                                       se = num(fit$se), ci.lb = num(fit$ci.lb), ci.ub = num(fit$ci.ub),
                                       s2w = if (test == "z") NA else num(fit$s2w), pval = num(fit$pval),
                                       pi.lb = num(p$pi.lb), pi.ub = num(p$pi.ub), pi.ddf = num(p$pi.ddf))
      }
    }
  }
  out$cases[[case]] <- res
}
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = I(15), null = "null", na = "null"),
           file.path("tests", "data", "metafor", "intervals.json"))
