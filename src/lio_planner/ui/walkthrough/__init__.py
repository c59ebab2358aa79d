"""The walk-through: the strategy's opportunities one by one, and the response to each."""
