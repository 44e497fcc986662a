# metafor reference cases pinned for the test suite (tests/data/metafor/cases/*.csv, *.json, index.json) and
# metafor's answers for the benchmark inputs (benchmark/sim_reml_k20_n200_metafor.csv).
#
# Run from the repository root:  Rscript tests/data/metafor/make_reference.R
# Made with R 4.2.2, metafor 3.8-1, metadat 1.2-0, jsonlite 1.8.4 (Debian 12: apt-get install r-cran-metafor).
# Deterministic: two runs write identical bytes. The layout of the files is described in README.md next to this
# script; every number in a JSON file is what the R call stored next to it returns when run on the CSV next to it
# (the `setup` lines read the CSV and recompute yi, vi with escalc()).
#
# Cases: the development set of ../shared/reference/meta_analysis (13 cases, same layout and numbers) and the
# diagnostic cases of issue #16 (`diag_*`): leave-one-out, regtest and trim-and-fill refitted with iterative
# estimators on risk-difference and mean-difference data where tau^2 is small, and trim-and-fill of the
# equal-effects model on dat.bcg in both orientations.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

ROOT <- file.path("tests", "data", "metafor")
CASES <- file.path(ROOT, "cases")
GENERATOR <- "tests/data/metafor/make_reference.R"
ESTIMATORS <- c("EE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB")
ITERATIVE <- c("REML", "ML", "PM", "EB")
TIGHT <- "control=list(threshold=1e-10, tol=1e-10, maxiter=1000)"
VERSIONS <- list(R = R.version.string, metafor = packageDescription("metafor")$Version,
                 metadat = packageDescription("metadat")$Version, jsonlite = packageDescription("jsonlite")$Version)

# ----- the cases ----------------------------------------------------------------------------------------------------

two_by_two <- function(study, ai, n1i, ci, n2i) {
  data.frame(study = study, ai = ai, bi = n1i - ai, ci = ci, di = n2i - ci, n1i = n1i, n2i = n2i)
}
NIELWEISE2007 <- "Anti-infective-treated vs standard central venous catheters; catheter-related bloodstream infections (group 1 = treated catheter). 18 trials; 5 with a single zero cell and 1 (Yucel 2004) with zero events in both arms."
NORMAND1999 <- "Length of hospital stay (days), specialist stroke unit care (group 1) vs routine care. 9 studies."
ORPINGTON <- "Small-k case (k = 3): the three Orpington studies (mild, moderate, severe stroke) of dat.normand1999."
PRITZ1997 <- "Proportion of patients improving with hyperdynamic therapy for cerebral vasospasm. 14 studies; two have xi == ni (10/10 and 12/12), which triggers the +0.5 correction for PLO and PR but not for PFT."
ZERO_CELLS <- c("zero cell(s) in 6 studies", "no events in either arm in 1 study")
PROPORTION_01 <- "proportion of 0 or 1 in some studies"
nielweise2007 <- function(d) two_by_two(paste(d$author, d$year), d$ai, d$n1i, d$ci, d$n2i)
normand1999 <- function(d) data.frame(study = d$source, m1i = d$m1i, sd1i = d$sd1i, n1i = d$n1i, m2i = d$m2i,
                                      sd2i = d$sd2i, n2i = d$n2i)
pritz1997 <- function(d) data.frame(study = d$authors, xi = d$xi, ni = d$ni)
bcg <- function(d) two_by_two(paste(d$author, d$year), d$tpos, d$tpos + d$tneg, d$cpos, d$cpos + d$cneg)
bcg_flipped <- function(d) two_by_two(paste(d$author, d$year), d$cpos, d$cpos + d$cneg, d$tpos, d$tpos + d$tneg)
gibson2002 <- function(d) {
  d <- d[!is.na(d$m1i), ]
  data.frame(study = paste(d$author, d$year), m1i = d$m1i, sd1i = d$sd1i, n1i = d$n1i, m2i = d$m2i, sd2i = d$sd2i,
             n2i = d$n2i)
}
gibson2002_rd <- function(d) {
  d <- d[!is.na(d$ai), ]
  two_by_two(paste(d$author, d$year), d$ai, d$ai + d$bi, d$ci, d$ci + d$di)
}
BCG <- "BCG vaccine against tuberculosis: 13 trials, tuberculosis cases among vaccinated (tpos/tneg) and unvaccinated (cpos/cneg) participants."
GIBSON <- "Self-management education for adults with asthma (dat.gibson2002)."
DIAG <- "Issue #16: leave1out(), regtest() and trimfill() refitted with iterative estimators (ML, REML, PM, EB) on data where tau^2 is small in absolute terms, so metafor's default stopping rules matter."

SPECS <- list(
  list(case = "nielweise2007_OR", dataset = "dat.nielweise2007", measure = "OR", rows = nielweise2007,
       description = NIELWEISE2007, features = ZERO_CELLS),
  list(case = "nielweise2007_RR", dataset = "dat.nielweise2007", measure = "RR", rows = nielweise2007,
       description = NIELWEISE2007, features = c(ZERO_CELLS, "REML tau2 = 0")),
  list(case = "nielweise2007_RD", dataset = "dat.nielweise2007", measure = "RD", rows = nielweise2007,
       description = NIELWEISE2007, features = ZERO_CELLS),
  list(case = "normand1999_MD", dataset = "dat.normand1999", measure = "MD", rows = normand1999,
       description = NORMAND1999, features = character(0)),
  list(case = "normand1999_SMD", dataset = "dat.normand1999", measure = "SMD", rows = normand1999,
       description = NORMAND1999, features = character(0)),
  list(case = "normand1999_orpington_MD", dataset = "dat.normand1999", subset = "grepl(\"^Orpington\", source)",
       measure = "MD", rows = normand1999, description = ORPINGTON, features = "small k (k = 3)"),
  list(case = "normand1999_orpington_SMD", dataset = "dat.normand1999", subset = "grepl(\"^Orpington\", source)",
       measure = "SMD", rows = normand1999, description = ORPINGTON, features = "small k (k = 3)"),
  list(case = "molloy2014_ZCOR", dataset = "dat.molloy2014", measure = "ZCOR",
       rows = function(d) data.frame(study = paste(d$authors, d$year), ri = d$ri, ni = d$ni),
       description = "Correlation between conscientiousness and medication adherence. 16 studies.",
       features = character(0)),
  list(case = "pritz1997_PLO", dataset = "dat.pritz1997", measure = "PLO", rows = pritz1997,
       description = PRITZ1997, features = PROPORTION_01),
  list(case = "pritz1997_PFT", dataset = "dat.pritz1997", measure = "PFT", rows = pritz1997,
       description = PRITZ1997, features = PROPORTION_01),
  list(case = "pritz1997_PR", dataset = "dat.pritz1997", measure = "PR", rows = pritz1997,
       description = PRITZ1997, features = PROPORTION_01),
  list(case = "nielweise2008_IRR", dataset = "dat.nielweise2008", measure = "IRR",
       rows = function(d) data.frame(study = paste(d$authors, d$year), x1i = d$x1i, t1i = d$t1i, x2i = d$x2i,
                                     t2i = d$t2i),
       description = "Catheter-related bloodstream infections per catheter-days, anti-infective-treated (group 1) vs standard catheters. 9 studies.",
       features = character(0)),
  list(case = "riley2003_HR", dataset = "dat.riley2003", subset = "outcome == \"OS\"", measure = "HR",
       rows = function(d) {
         z <- qnorm(0.975)
         data.frame(study = paste("Study", d$study), yi = d$yi, vi = d$vi, hr = exp(d$yi),
                    hr_ci_low = exp(d$yi - z * sqrt(d$vi)), hr_ci_high = exp(d$yi + z * sqrt(d$vi)))
       },
       description = "MYC-N as a prognostic marker in neuroblastoma: log hazard ratios for overall survival, given directly as yi (log HR, 2 decimals) and vi = sei^2 (sei given to 2 decimals), as in metadat. hr, hr_ci_low, hr_ci_high are the same information as a ratio with a 95% CI. k = 56.",
       features = "large k (k = 56)"),
  # issue #16: diagnostics refitted with iterative estimators where tau^2 is small; EE trim-and-fill both ways
  list(case = "diag_bcg_RD", dataset = "dat.bcg", measure = "RD", rows = bcg, set = "diag",
       description = paste(BCG, DIAG), features = "tau2 ~ 1e-3 on the RD scale"),
  list(case = "diag_bcg_RR", dataset = "dat.bcg", measure = "RR", rows = bcg, set = "diag",
       description = paste(BCG, "Group 1 = vaccinated. Trim-and-fill of the EE model fills on the right."),
       features = "EE trim-and-fill, group 1 = vaccinated"),
  list(case = "diag_bcg_flipped_RR", dataset = "dat.bcg", measure = "RR", rows = bcg_flipped, set = "diag",
       description = paste(BCG, "Group 1 = unvaccinated (the other orientation): every yi changes sign and trim-and-fill works on the left."),
       features = "EE trim-and-fill, group 1 = unvaccinated"),
  list(case = "diag_gibson2002_MD", dataset = "dat.gibson2002", subset = "!is.na(m1i)", measure = "MD",
       rows = gibson2002, set = "diag",
       description = paste(GIBSON, "Mean difference in days off work/school; studies reporting means.", DIAG),
       features = "trim-and-fill fills studies under REML and ML"),
  list(case = "diag_gibson2002_RD", dataset = "dat.gibson2002", subset = "!is.na(ai)", measure = "RD",
       rows = gibson2002_rd, set = "diag",
       description = paste(GIBSON, "Risk difference of hospital admission; studies reporting counts.", DIAG),
       features = "small k (k = 7) on the RD scale")
)

# ----- formatting ---------------------------------------------------------------------------------------------------

# the fewest significant digits (15 to 17) that read back as the same double
shortest <- function(x) {
  vapply(x, function(v) {
    if (is.na(v)) return("NA")
    for (d in 15:17) {
      s <- sprintf("%.*g", d, v)
      if (as.numeric(s) == v) break
    }
    s
  }, "")
}

write_case_csv <- function(dat, path) {
  cols <- lapply(names(dat), function(n) {
    if (is.character(dat[[n]])) paste0("\"", dat[[n]], "\"") else shortest(dat[[n]])
  })
  lines <- c(paste(names(dat), collapse = ","), do.call(paste, c(cols, sep = ",")))
  writeLines(lines, path)
}

write_json_file <- function(x, path) {
  writeLines(toJSON(x, auto_unbox = TRUE, pretty = TRUE, digits = I(15), null = "null", na = "null"), path)
}

num <- function(x) if (is.null(x) || length(x) == 0) NA else unname(x)
arr <- function(x) I(unname(as.vector(x)))
unique_labels <- function(s) {
  dup <- duplicated(s) | duplicated(s, fromLast = TRUE)
  s[dup] <- paste0(s[dup], " [", ave(seq_along(s), s, FUN = seq_along)[dup], "]")
  s
}

# ----- running the calls --------------------------------------------------------------------------------------------

# evaluate one R call in the case's environment; its value, the warnings it raised, or metafor's error
run <- function(code, env) {
  warns <- character(0)
  value <- withCallingHandlers(
    tryCatch(eval(parse(text = code), envir = env), error = function(e) e),
    warning = function(w) {
      warns <<- c(warns, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  list(value = value, warnings = warns)
}

block <- function(code, env, extract) {
  r <- run(code, env)
  if (inherits(r$value, "error")) return(list(call = code, error = conditionMessage(r$value)))
  out <- c(list(call = code), extract(r$value))
  if (length(r$warnings)) out$warnings <- I(r$warnings)
  out
}

fit_values <- function(f, with_weights = FALSE) {
  z <- f$test == "z"
  out <- list(method = f$method, test = f$test, k = f$k, estimate = num(coef(f)), se = num(f$se), zval = num(f$zval),
       pval = num(f$pval), ci.lb = num(f$ci.lb), ci.ub = num(f$ci.ub), ddf = if (z) NA else num(f$ddf),
       s2w = if (z) NA else num(f$s2w), tau2 = num(f$tau2), tau = sqrt(num(f$tau2)), se.tau2 = num(f$se.tau2),
       I2 = num(f$I2), H2 = num(f$H2), vt = num(f$vt), QE = num(f$QE), QE.df = f$k - f$p, QEp = num(f$QEp))
  if (with_weights) out$weights <- arr(weights(f))
  out
}

predict_values <- function(p) {
  list(pred = num(p$pred), se = num(p$se), ci.lb = num(p$ci.lb), ci.ub = num(p$ci.ub), pi.lb = num(p$pi.lb),
       pi.ub = num(p$pi.ub), pi.ddf = num(p$pi.ddf))
}

confint_values <- function(ci) {
  r <- ci$random
  triple <- function(i) list(estimate = num(r[i, "estimate"]), ci.lb = num(r[i, "ci.lb"]), ci.ub = num(r[i, "ci.ub"]))
  list(tau2 = triple(1), tau = triple(2), I2 = triple(3), H2 = triple(4), lb.sign = ci$lb.sign, ub.sign = ci$ub.sign,
       ci.null = ci$ci.null)
}

regtest_values <- function(r) {
  lm_model <- r$model == "lm"
  if (lm_model) {
    s <- coef(summary(r$fit))
    slope <- s[2, 1]
    slope.se <- s[2, 2]
  } else {
    slope <- r$fit$beta[2]
    slope.se <- r$fit$se[2]
  }
  list(model = r$model, predictor = r$predictor, zval = num(r$zval), pval = num(r$pval), ddf = num(r$ddf),
       slope = num(slope), slope.se = num(slope.se), tau2 = if (lm_model) NA else num(r$fit$tau2),
       est = num(r$est), ci.lb = num(r$ci.lb), ci.ub = num(r$ci.ub))
}

trimfill_values <- function(tf) {
  list(k0 = tf$k0, se.k0 = num(tf$se.k0), side = tf$side, estimator = tf$k0.est, k = tf$k, estimate = num(coef(tf)),
       se = num(tf$se), zval = num(tf$zval), pval = num(tf$pval), ci.lb = num(tf$ci.lb), ci.ub = num(tf$ci.ub),
       tau2 = num(tf$tau2), I2 = num(tf$I2), H2 = num(tf$H2), QE = num(tf$QE), QEp = num(tf$QEp),
       filled_yi = arr(tf$yi[tf$fill]), filled_vi = arr(tf$vi[tf$fill]))
}

leave1out_values <- function(l) {
  stat <- if (is.null(l$zval)) l$tval else l$zval
  list(study = arr(as.character(l$slab)), estimate = arr(l$estimate), se = arr(l$se), zval = arr(stat),
       pval = arr(l$pval), ci.lb = arr(l$ci.lb), ci.ub = arr(l$ci.ub), Q = arr(l$Q), Qp = arr(l$Qp),
       tau2 = if (is.null(l$tau2)) NA else arr(l$tau2), I2 = arr(l$I2), H2 = arr(l$H2))
}

fitstats_values <- function(fs) {
  v <- fs[, 1]
  list(logLik = num(v[1]), deviance = num(v[2]), AIC = num(v[3]), BIC = num(v[4]), AICc = num(v[5]),
       type = colnames(fs)[1])
}

mh_values <- function(m, ratio) {
  out <- list(method = m$method, measure = m$measure, k = m$k, k.yi = m$k.yi, k.pos = num(m$k.pos),
              estimate = num(coef(m)), se = num(m$se), zval = num(m$zval), pval = num(m$pval), ci.lb = num(m$ci.lb),
              ci.ub = num(m$ci.ub), QE = num(m$QE), QE.df = m$k.yi - 1, QEp = num(m$QEp), I2 = num(m$I2),
              H2 = num(m$H2))
  for (key in c("MH", "MHp", "CO", "COp", "BD", "BDp", "TA", "TAp")) {
    if (!is.null(m[[key]]) && !is.na(m[[key]])) out[[key]] <- num(m[[key]])
  }
  if (ratio) out$exp <- list(estimate = exp(num(coef(m))), ci.lb = exp(num(m$ci.lb)), ci.ub = exp(num(m$ci.ub)))
  out
}

# ----- one case -----------------------------------------------------------------------------------------------------

RAW <- list(OR = "ai=ai, bi=bi, ci=ci, di=di", RR = "ai=ai, bi=bi, ci=ci, di=di", RD = "ai=ai, bi=bi, ci=ci, di=di",
            MD = "m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i",
            SMD = "m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i", ZCOR = "ri=ri, ni=ni",
            PLO = "xi=xi, ni=ni", PFT = "xi=xi, ni=ni", PR = "xi=xi, ni=ni",
            IRR = "x1i=x1i, t1i=t1i, x2i=x2i, t2i=t2i")
SCALE <- list(OR = "log odds ratio", RR = "log risk ratio", RD = "risk difference", MD = "raw mean difference",
              SMD = "standardized mean difference (Hedges' g, exact small-sample correction)",
              ZCOR = "Fisher r-to-z transformed correlation", PLO = "logit of a proportion",
              PFT = "Freeman-Tukey double arcsine transformed proportion", PR = "raw proportion",
              IRR = "log incidence rate ratio",
              HR = "log hazard ratio (yi and vi given directly; metafor measure \"GEN\")")
TRANSF <- list(OR = "exp", RR = "exp", IRR = "exp", HR = "exp", ZCOR = "transf.ztor", PLO = "transf.ilogit",
               PFT = "transf.ipft.hm, targs=list(ni=dat$ni)")

make_case <- function(spec) {
  measure <- spec$measure
  source_data <- get(spec$dataset)
  if (!is.null(spec$subset)) source_data <- source_data[eval(parse(text = spec$subset), source_data), ]
  rows <- spec$rows(source_data)
  rows$study <- unique_labels(rows$study)
  rownames(rows) <- NULL
  if (measure != "HR") {
    es <- eval(parse(text = sprintf("escalc(measure=\"%s\", %s, data=rows)", measure, RAW[[measure]])))
    rows$yi <- as.numeric(es$yi)
    rows$vi <- as.numeric(es$vi)
  }
  data_file <- paste0(spec$case, ".csv")
  write_case_csv(rows, file.path(CASES, data_file))

  escalc_call <- if (measure == "HR") NULL else sprintf("escalc(measure=\"%s\", %s, data=dat)", measure, RAW[[measure]])
  setup <- c("library(metafor)", sprintf("dat <- read.csv(\"%s\")", data_file),
             if (!is.null(escalc_call)) paste("dat <-", escalc_call))
  env <- new.env(parent = globalenv())
  old <- setwd(CASES)
  on.exit(setwd(old))
  for (line in setup[-1]) eval(parse(text = line), envir = env)
  transf <- TRANSF[[measure]]
  ratio <- measure %in% c("OR", "RR", "IRR", "HR")

  models <- list()
  for (m in ESTIMATORS) {
    fit_call <- sprintf("rma(yi, vi, data=dat, slab=study, method=\"%s\"", m)
    b <- list()
    b$fit <- block(paste0("fit <- ", fit_call, ")"), env, function(f) fit_values(f, with_weights = TRUE))
    b$fitstats <- block("fitstats(fit)", env, fitstats_values)
    b$predict <- block("predict(fit)", env, predict_values)
    b$predict_riley <- block("predict(fit, pi.type=\"riley\")", env, predict_values)
    if (!is.null(transf)) b$predict_transf <- block(sprintf("predict(fit, transf=%s)", transf), env, predict_values)
    if (m != "EE") {
      b$confint <- block("confint(fit)", env, confint_values)
      b$confint_tight <- block("confint(fit, control=list(tol=1e-10))", env, confint_values)
    }
    if (m %in% c("REML", "ML")) b$confint_PL <- block("confint(fit, type=\"PL\")", env, confint_values)
    for (tst in c("knha", "adhoc")) {
      obj <- paste0("fit.", tst)
      tb <- list(fit = block(sprintf("%s <- %s, test=\"%s\")", obj, fit_call, tst), env, fit_values),
                 predict = block(sprintf("predict(%s)", obj), env, predict_values))
      if (!is.null(transf)) tb$predict_transf <- block(sprintf("predict(%s, transf=%s)", obj, transf), env, predict_values)
      b[[tst]] <- tb
    }
    b$regtest <- block("regtest(fit)", env, regtest_values)
    b$trimfill <- block("tf <- trimfill(fit)", env, trimfill_values)
    if (is.null(b$trimfill$error)) {
      b$trimfill$predict <- block("predict(tf)", env, predict_values)
      if (!is.null(transf)) b$trimfill$predict_transf <- block(sprintf("predict(tf, transf=%s)", transf), env, predict_values)
    }
    b$leave1out <- block("leave1out(fit)", env, leave1out_values)
    if (m %in% ITERATIVE) {
      b$tight <- list(
        fit = block(sprintf("fit.tight <- %s, %s)", fit_call, TIGHT), env, fit_values),
        predict = block("predict(fit.tight)", env, predict_values),
        knha = block(sprintf("fit.tight.knha <- %s, test=\"knha\", %s)", fit_call, TIGHT), env, fit_values))
    }
    models[[m]] <- b
  }

  ref <- list(case = spec$case,
              dataset = list(name = spec$dataset, package = "metadat", subset = if (is.null(spec$subset)) NA else spec$subset,
                             description = spec$description),
              measure = measure, metafor_measure = if (measure == "HR") "GEN" else measure, scale = SCALE[[measure]],
              back_transform = if (is.null(transf)) NA else transf, k = nrow(rows), data_file = data_file,
              versions = VERSIONS, generator = GENERATOR, setup = I(setup),
              escalc = if (is.null(escalc_call)) NA else list(call = escalc_call, yi = arr(env$dat$yi), vi = arr(env$dat$vi)),
              egger_lm = block("regtest(yi, vi, data=dat, model=\"lm\")", env, regtest_values),
              models = models)
  if (measure %in% c("OR", "RR", "RD", "IRR")) {
    mh_call <- if (measure == "IRR") "rma.mh(x1i=x1i, t1i=t1i, x2i=x2i, t2i=t2i, data=dat, slab=study, measure=\"IRR\")" else
      sprintf("rma.mh(ai=ai, bi=bi, ci=ci, di=di, data=dat, slab=study, measure=\"%s\")", measure)
    ref$mh <- block(mh_call, env, function(x) mh_values(x, measure != "RD"))
  }
  if (measure == "OR") ref$peto <- block("rma.peto(ai=ai, bi=bi, ci=ci, di=di, data=dat, slab=study)", env,
                                         function(x) mh_values(x, TRUE))
  setwd(old)
  write_json_file(ref, file.path(CASES, paste0(spec$case, ".json")))
  list(case = spec$case, dataset = spec$dataset, subset = if (is.null(spec$subset)) NA else spec$subset,
       measure = measure, k = nrow(rows), csv = file.path("cases", data_file),
       json = file.path("cases", paste0(spec$case, ".json")), reml_tau2 = models$REML$fit$tau2,
       features = I(spec$features), set = if (is.null(spec$set)) "dev" else spec$set)
}

# ----- all cases, the index and the benchmark answers ---------------------------------------------------------------

dir.create(CASES, showWarnings = FALSE, recursive = TRUE)
entries <- lapply(SPECS, make_case)
index <- list(set = "dev + diag", generator = GENERATOR, versions = VERSIONS,
              datasets = I(unique(vapply(SPECS, function(s) s$dataset, ""))), estimators = I(ESTIMATORS),
              cases = entries)
write_json_file(index, file.path(ROOT, "index.json"))

# metafor's default REML fit of each simulated meta-analysis kept in benchmark/ (inputs from ../shared)
bench <- read.csv(file.path(ROOT, "benchmark", "sim_reml_k20_n200.csv"))
answers <- do.call(rbind, lapply(split(bench, bench$ma_id), function(d) {
  f <- rma(yi, vi, data = d, method = "REML")
  data.frame(ma_id = d$ma_id[1], estimate = c(coef(f)), se = f$se, ci_lb = f$ci.lb, ci_ub = f$ci.ub, tau2 = f$tau2,
             I2 = f$I2, QE = f$QE)
}))
write_case_csv(answers, file.path(ROOT, "benchmark", "sim_reml_k20_n200_metafor.csv"))
