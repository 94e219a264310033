"""API views: one APIView per operation, grouped by resource."""
