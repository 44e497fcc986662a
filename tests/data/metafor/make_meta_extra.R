# Extra metafor reference values for evidence_review.meta (meta-regression, subgroups, cumulative, edge cases).
# Run from the repository root:  Rscript tests/data/metafor/make_meta_extra.R
# Reads the pinned reference CSVs (tests/data/metafor/cases) and writes tests/data/metafor/meta_extra.json.
suppressPackageStartupMessages(library(metafor))
library(jsonlite)
cases <- file.path("tests", "data", "metafor", "cases")
tight <- list(threshold=1e-10, tol=1e-10, maxiter=1000)
# Fisher scoring can creep when tau^2 is tiny; allow many more steps rather than stop short
fitrma <- function(yi, vi, mods=NULL, method="REML", test="z", control=list()) {
  fit1 <- function(con) {
    if (is.null(mods)) rma(yi=yi, vi=vi, method=method, test=test, control=con)
    else rma(yi=yi, vi=vi, mods=mods, method=method, test=test, control=con)
  }
  tryCatch(fit1(control), error=function(e) fit1(modifyList(control, list(maxiter=1e6))))
}

fitlist <- function(fit) {
  list(beta=unname(c(fit$beta)), se=unname(fit$se), zval=unname(fit$zval), pval=unname(fit$pval),
       ci.lb=unname(fit$ci.lb), ci.ub=unname(fit$ci.ub), tau2=fit$tau2, QE=fit$QE, QEp=fit$QEp,
       QM=fit$QM, QMp=fit$QMp, QMdf=unname(fit$QMdf), R2=if (is.null(fit$R2)) NULL else fit$R2,
       I2=fit$I2, H2=fit$H2, ddf=if (is.na(fit$ddf[1])) NULL else unname(fit$ddf[1]))
}

out <- list(generator="tests/data/metafor/make_meta_extra.R",
            versions=list(R=R.version.string, metafor=as.character(packageVersion("metafor"))))

# meta-regression on a continuous moderator and on a two-level factor (subgroups)
specs <- list(
  list(case="normand1999_SMD", mod="log(n1i + n2i)", group="grepl('^Orpington', study)"),
  list(case="nielweise2007_OR", mod="as.numeric(sub('.* ', '', study))", group="as.numeric(sub('.* ', '', study)) >= 2003"),
  list(case="pritz1997_PLO", mod="log(ni)", group="ni >= 30"),
  list(case="riley2003_HR", mod="sqrt(vi) * 0 + seq_along(yi)", group="seq_along(yi) %% 3 == 0")
)
for (s in specs) {
  dat <- read.csv(file.path(cases, paste0(s$case, ".csv")))
  dat$x <- eval(parse(text=s$mod), dat)
  dat$g <- as.character(eval(parse(text=s$group), dat))
  res <- list(mod=s$mod, group=s$group, x=dat$x, g=dat$g)
  for (m in c("DL", "REML")) {
    con <- if (m == "REML") tight else list()
    for (tst in c("z", "knha")) {
      key <- paste(m, tst, sep="_")
      res$metareg[[key]] <- fitlist(fitrma(dat$yi, dat$vi, mods=dat$x, method=m, test=tst, control=con))
      levs <- sort(unique(dat$g))
      sg <- fitrma(dat$yi, dat$vi, mods=as.numeric(dat$g == levs[2]), method=m, test=tst, control=con)
      res$subgroup_common_tau2[[key]] <- fitlist(sg)
      # separate fits per subgroup, then the Wald-type (fixed-effect) test of their difference
      fits <- lapply(levs, function(l) fitrma(dat$yi[dat$g == l], dat$vi[dat$g == l], method=m, test=tst,
                                               control=con))
      b <- sapply(fits, function(f) c(f$beta)); se <- sapply(fits, function(f) f$se)
      diff <- rma(yi=b, sei=se, method="FE")
      res$subgroup_separate[[key]] <- list(levels=levs, estimate=unname(b), se=unname(se),
                                         tau2=sapply(fits, function(f) f$tau2), k=sapply(fits, function(f) f$k),
                                         Qbetween=diff$QE, Qbetween.df=length(levs) - 1, Qbetween.p=diff$QEp)
    }
  }
  for (m in c("DL", "EE")) {
    cu <- cumul(rma(yi=dat$yi, vi=dat$vi, method=m))
    res$cumul[[m]] <- list(estimate=unname(cu$estimate), se=unname(cu$se), zval=unname(cu$zval),
                           pval=unname(cu$pval), ci.lb=unname(cu$ci.lb), ci.ub=unname(cu$ci.ub), Q=unname(cu$Q),
                           Qp=unname(cu$Qp), tau2=if (m == "EE") NULL else unname(cu$tau2), I2=unname(cu$I2),
                           H2=unname(cu$H2))
  }
  out$cases[[s$case]] <- res
}

# small and degenerate inputs
edge <- list()
two <- rma(c(0.2, 0.5), c(0.04, 0.09), method="REML", control=tight)
edge$k2_reml <- fitlist(two)
pr <- predict(two); edge$k2_reml$pi <- c(pr$pi.lb, pr$pi.ub)
same <- rma(c(0.3, 0.3, 0.3), c(0.01, 0.02, 0.04), method="REML")
edge$identical_reml <- fitlist(same)
edge$identical_reml_confint <- unname(confint(same)$random["tau^2", ])
one <- rma(0.3, 0.02, method="REML")
edge$k1 <- list(beta=c(one$beta), se=one$se, tau2=one$tau2, QE=one$QE, QEp=one$QEp, I2=one$I2, H2=one$H2)
out$edge <- edge

writeLines(toJSON(out, digits=NA, auto_unbox=TRUE, null="null", na="null", pretty=TRUE),
           file.path("tests", "data", "metafor", "meta_extra.json"))
