"""Evaluation: dataset readers, metrics, the scorecard and the quality gate."""
