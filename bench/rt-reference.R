# EpiEstim's estimate_R on the series Glacier's Rt bench estimates (bench/rt-bench.ts).
# Usage: Rscript rt-reference.R INPUT OUTPUT MEAN_SI STD_SI
#   INPUT: one series per line, daily incidence comma-separated.
#   OUTPUT: binary little-endian doubles; per series: the number of windows n, then n rows of
#   t_start, t_end, Mean, Std, Q0.025, Q0.05, Q0.25, Median, Q0.75, Q0.95, Q0.975.
# Prints the seconds the estimation loop took (the reading and writing around it excluded).
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(EpiEstim))
series <- readLines(args[1])
mean_si <- as.numeric(args[3])
std_si <- as.numeric(args[4])
results <- vector("list", length(series))
incidence <- lapply(strsplit(series, ",", fixed = TRUE), as.numeric)
start <- proc.time()[["elapsed"]]
for (i in seq_along(incidence)) {
  r <- suppressWarnings(suppressMessages(estimate_R(incidence[[i]], method = "parametric_si",
    config = make_config(list(mean_si = mean_si, std_si = std_si)))))
  results[[i]] <- as.matrix(r$R[, 1:11])
}
loop <- proc.time()[["elapsed"]] - start
out <- file(args[2], "wb")
for (m in results) {
  writeBin(as.double(nrow(m)), out, size = 8, endian = "little")
  writeBin(as.vector(t(m)), out, size = 8, endian = "little")
}
close(out)
cat(sprintf("loop_seconds %.6f\n", loop))
