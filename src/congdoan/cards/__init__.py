"""The electronic union card: card numbers, signing keys per federation, signed QR tokens,
the public verification page and the printed CR80 cards."""
