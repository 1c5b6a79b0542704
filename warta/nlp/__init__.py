"""Language analysis: language identification, sentence segmentation, tokenization, tagging, NER."""
